using Microsoft.Extensions.Options;
using Npgsql;
using PhoneBooking.SchedulingApi.Storage;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Integrity;
using PhoneBooking.Storage.Postgres;

namespace PhoneBooking.SchedulingApi.Reconciliation;

/// <summary>
/// <c>dotnet run --project src/SchedulingApi -- reconcile [settings]</c>: checks the API's database (the one
/// its settings name, as the API would open it) and prints a report; exit code 0 consistent, 1 a rule
/// broken, 2 could not check. Read-only: it never migrates, repairs or starts anything.
/// </summary>
public static class ReconcileCommand
{
    public const string Name = "reconcile";

    /// <summary>Runs the command when <paramref name="args"/> start with it; null otherwise.</summary>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not [Name, .. var settings])
        {
            return null;
        }

        try
        {
            await using var app = SchedulingApiApp.Create(settings);
            return await RunAsync(app.Services, output, error);
        }
        catch (Exception ex) when (ex is OptionsValidationException or StorageStartupException or InvalidOperationException)
        {
            await error.WriteLineAsync($"reconcile could not run: {ex.Message}");
            return IntegrityReport.ExitFailed;
        }
    }

    /// <summary>The checks on the database of an API's <paramref name="services"/>: the report on <paramref name="output"/>, the exit code returned.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;

        // Resolved as DataDirectory would, without creating the folder: the wrong folder must not look like an empty, healthy database.
        var file = Path.Combine(Path.GetFullPath(options.DataDirectory, services.GetRequiredService<IHostEnvironment>().ContentRootPath), SchedulingStorage.SqliteFileName);
        var subject = options.ProviderKind == StorageProvider.Postgres
            ? $"scheduling-api (PostgreSQL {PostgresEndpoint.Describe(new NpgsqlConnectionStringBuilder(options.PostgresConnectionString))})"
            : $"scheduling-api (SQLite {file})";
        if (options.ProviderKind == StorageProvider.Sqlite && !File.Exists(file))
        {
            await error.WriteLineAsync($"reconcile could not run: no database at {file} (Storage:DataDirectory)");
            return IntegrityReport.ExitFailed;
        }

        try
        {
            await using var scope = services.CreateAsyncScope();
            var checks = await ActivatorUtilities.CreateInstance<SchedulingReconciler>(scope.ServiceProvider).RunAsync(CancellationToken.None);
            var report = new IntegrityReport(subject, checks);
            report.WriteTo(output, services.GetRequiredService<TimeProvider>().GetUtcNow());
            return report.ExitCode;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or StorageBusyException)
        {
            await error.WriteLineAsync($"reconcile could not read {subject}: {ex.Message}");
            return IntegrityReport.ExitFailed;
        }
    }
}
