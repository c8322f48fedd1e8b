using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Tests.Support;

/// <summary>The provider the API tests run on: <c>PHONEBOOKING_TEST_STORAGE</c> (<c>Sqlite</c> when unset).</summary>
public static class TestStorage
{
    public const string Variable = "PHONEBOOKING_TEST_STORAGE";

    public static StorageProvider Provider { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } name
        ? Enum.Parse<StorageProvider>(name, ignoreCase: true)
        : StorageProvider.Sqlite;
}
