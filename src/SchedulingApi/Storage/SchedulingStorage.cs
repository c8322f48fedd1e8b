using PhoneBooking.SchedulingApi.Storage.Sqlite;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Migrations;

namespace PhoneBooking.SchedulingApi.Storage;

/// <summary>The API's storage on the shared convention (docs/storage.md): one feature, <c>scheduling</c>, on either provider.</summary>
public static class SchedulingStorage
{
    public const string SqliteFileName = "scheduling.db";

    /// <summary>Every table of the API; scripts in <c>Storage/Migrations/{sqlite,postgres}</c>.</summary>
    public static readonly FeatureSchema Schema = new("scheduling", typeof(SchedulingStorage).Assembly, "Storage/Migrations");

    /// <summary><c>Storage:Provider</c> picks the stores; both register the same interfaces.</summary>
    internal static IServiceCollection AddSchedulingStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStorage(configuration, SqliteFileName);
        services.AddFeatureSchema(Schema);
        return configuration.GetStorageProvider() switch
        {
            StorageProvider.Postgres => throw new NotSupportedException("PostgreSQL stores of the scheduling API: phase A2."),
            _ => services.AddSqliteStores(),
        };
    }
}
