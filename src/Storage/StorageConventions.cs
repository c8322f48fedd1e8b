using Dapper;

namespace PhoneBooking.Storage;

/// <summary>Process-wide Dapper settings of the convention, applied before any connection is opened.</summary>
public static class StorageConventions
{
    private static int _applied;

    /// <summary>snake_case columns map to PascalCase properties and constructor parameters without aliases.</summary>
    public static void Apply()
    {
        if (Interlocked.Exchange(ref _applied, 1) == 0)
        {
            DefaultTypeMap.MatchNamesWithUnderscores = true;
        }
    }
}
