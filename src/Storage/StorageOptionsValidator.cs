using Microsoft.Extensions.Options;
using Npgsql;
using PhoneBooking.Storage.Postgres;

namespace PhoneBooking.Storage;

/// <summary>Checked at start; every failure quotes the bad value, except the connection string's password.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private static readonly string[] Providers = Enum.GetNames<StorageProvider>();
    private static readonly string[] SynchronousModes = ["Normal", "Full"];

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!Providers.Contains(options.Provider, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"Storage:Provider '{options.Provider}' must be one of: {string.Join(", ", Providers)}.");
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory) || options.DataDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"Storage:DataDirectory '{options.DataDirectory}' must name a folder.");
        }

        if (!SynchronousModes.Contains(options.Synchronous, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"Storage:Synchronous '{options.Synchronous}' must be one of: {string.Join(", ", SynchronousModes)}.");
        }

        if (options.WriterWaitSeconds is < 1 or > 300)
        {
            failures.Add($"Storage:WriterWaitSeconds '{options.WriterWaitSeconds}' must be between 1 and 300.");
        }

        if (string.Equals(options.Provider, nameof(StorageProvider.Postgres), StringComparison.OrdinalIgnoreCase))
        {
            ValidatePostgres(options.PostgresConnectionString, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidatePostgres(string? connectionString, List<string> failures)
    {
        const string Key = $"ConnectionStrings:{StorageOptions.PostgresConnectionName}";
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            failures.Add($"{Key} must be set when Storage:Provider is 'Postgres' (Npgsql syntax: Host=…;Port=5432;Database=…;Username=…;Password=…).");
            return;
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            // Npgsql names the keyword it could not read, never the values.
            failures.Add($"{Key} is not an Npgsql connection string: {ex.Message}");
            return;
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            failures.Add($"{Key} must name a Host ({PostgresEndpoint.Describe(builder)}).");
        }

        if (builder.Timeout is < 1 or > 120)
        {
            failures.Add($"{Key} Timeout '{builder.Timeout}' must be between 1 and 120 seconds (it bounds connecting and waiting for a pooled connection).");
        }
    }
}
