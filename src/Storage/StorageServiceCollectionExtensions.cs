using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PhoneBooking.Storage.Migrations;
using PhoneBooking.Storage.Postgres;
using PhoneBooking.Storage.Sqlite;

namespace PhoneBooking.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The storage of a process: <see cref="StorageOptions"/> (section <c>Storage</c> and
    /// <c>ConnectionStrings:Postgres</c>, validated at start), the data folder, the provider's database
    /// (<see cref="SqliteDatabase"/> on <paramref name="sqliteFileName"/>, or <see cref="PostgresDatabase"/>;
    /// either as <see cref="IDatabase"/>),
    /// its schema migrator and the run at start. Features add their tables with <see cref="AddFeatureSchema"/>.
    /// Safe to call more than once; the first file name wins.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration, string sqliteFileName)
    {
        if (services.Any(s => s.ServiceType == typeof(StorageStartup)))
        {
            return services;
        }

        StorageConventions.Apply();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Configure(options => options.PostgresConnectionString = configuration.GetConnectionString(StorageOptions.PostgresConnectionName))
            .ValidateOnStart();
        services.TryAddSingleton<DataDirectory>();

        var provider = configuration.GetStorageProvider();
        services.AddSingleton<IValidateOptions<StorageOptions>>(new ProviderAsRegistered(provider));
        if (provider == StorageProvider.Postgres)
        {
            services.AddSingleton<PostgresDatabase>();
            services.AddSingleton<IDatabase>(sp => sp.GetRequiredService<PostgresDatabase>());
            services.AddSingleton<ISchemaMigrator, PostgresSchemaMigrator>();
        }
        else
        {
            services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<DataDirectory>(), sp.GetRequiredService<IOptions<StorageOptions>>(), sqliteFileName));
            services.AddSingleton<IDatabase>(sp => sp.GetRequiredService<SqliteDatabase>());
            services.AddSingleton<ISchemaMigrator, SqliteSchemaMigrator>();
        }

        services.AddSingleton<StorageStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageStartup>());
        return services;
    }

    /// <summary>Registers a feature's tables: created or migrated with the rest at start.</summary>
    public static IServiceCollection AddFeatureSchema(this IServiceCollection services, FeatureSchema schema)
    {
        if (!services.Any(s => s.ImplementationInstance is FeatureSchema registered && registered.Name == schema.Name))
        {
            services.AddSingleton(schema);
        }

        return services;
    }

    /// <summary>
    /// The stores were chosen from the configuration seen while registering; a source added later (a test
    /// host's settings applied at build time) must not leave them on another provider than the options say.
    /// </summary>
    private sealed class ProviderAsRegistered(StorageProvider registered) : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
            options.ProviderKind == registered
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"Storage:Provider '{options.Provider}' was not yet set when the services were registered (they use {registered}): set it before the host is built (environment, command line, UseSetting).");
    }

    /// <summary>
    /// <c>Storage:Provider</c> as registration needs it, before options exist. An unknown name reads as
    /// SQLite here; validation then stops the host quoting it.
    /// </summary>
    public static StorageProvider GetStorageProvider(this IConfiguration configuration) =>
        new StorageOptions { Provider = configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"] ?? nameof(StorageProvider.Sqlite) }.ProviderKind;
}
