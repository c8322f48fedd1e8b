using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Sqlite;

namespace PhoneBooking.IvrHost.Storage;

public static class LineStorage
{
    /// <summary>The line's SQLite file, beside the call sessions and every other table of the line.</summary>
    public const string SqliteFileName = "sessions.db";

    /// <summary>
    /// The line's storage on the shared convention (docs/storage.md): section <c>Storage</c>, the data
    /// folder, <c>sessions.db</c> and the migrations each feature registers. Safe to call from every feature.
    /// </summary>
    public static IServiceCollection AddLineStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStorage(configuration, SqliteFileName);
        if (configuration.GetStorageProvider() == StorageProvider.Postgres && !services.Any(s => s.ServiceType == typeof(SqliteDatabase)))
        {
            // Until the line's PostgreSQL stores exist its stores are SQLite ones: they stay constructible so the
            // host gets as far as validation, which refuses to start (nothing is opened or written before that).
            services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<DataDirectory>(), sp.GetRequiredService<IOptions<StorageOptions>>(), SqliteFileName));
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, LineStorageNotOnPostgresYet>());
        }

        return services;
    }

    /// <summary>The line's own tables have SQLite stores only, for now: starting it on PostgreSQL would half-work, so it does not start.</summary>
    private sealed class LineStorageNotOnPostgresYet : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
            string.Equals(options.Provider, nameof(StorageProvider.Postgres), StringComparison.OrdinalIgnoreCase)
                ? ValidateOptionsResult.Fail($"Storage:Provider '{options.Provider}': the line's PostgreSQL stores are not built yet; the line runs on 'Sqlite' (a standalone scheduling API can run on PostgreSQL).")
                : ValidateOptionsResult.Success;
    }
}
