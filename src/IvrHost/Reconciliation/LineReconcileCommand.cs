using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.Storage;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Integrity;

namespace PhoneBooking.IvrHost.Reconciliation;

/// <summary>
/// <c>dotnet run --project src/IvrHost -- reconcile [settings]</c>: checks the line's callbacks and deferred
/// requests in the database its settings name (docs/operations.md, "Reconcile") and prints a report; exit
/// code 0 consistent, 1 a rule broken, 2 could not check. Read-only: it never migrates, repairs or starts anything.
/// </summary>
public static class LineReconcileCommand
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
            var builder = WebApplication.CreateBuilder(settings);
            builder.Services.AddLineStorage(builder.Configuration);
            await using var app = builder.Build();
            return await RunAsync(app.Services, output, error);
        }
        catch (Exception ex) when (ex is OptionsValidationException or StorageStartupException or InvalidOperationException)
        {
            await error.WriteLineAsync($"reconcile could not run: {ex.Message}");
            return IntegrityReport.ExitFailed;
        }
    }

    /// <summary>The checks on the line's database of <paramref name="services"/>: the report on <paramref name="output"/>, the exit code returned.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;

        // Resolved as DataDirectory would, without creating the folder: the wrong folder must not look like an empty, healthy database.
        var file = Path.Combine(Path.GetFullPath(options.DataDirectory, services.GetRequiredService<IHostEnvironment>().ContentRootPath), LineStorage.SqliteFileName);
        if (options.ProviderKind == StorageProvider.Sqlite && !File.Exists(file))
        {
            await error.WriteLineAsync($"reconcile could not run: no database at {file} (Storage:DataDirectory)");
            return IntegrityReport.ExitFailed;
        }

        var database = services.GetRequiredService<IDatabase>();
        try
        {
            var report = new IntegrityReport($"phone-line ({database.Description})", await new LineReconciler(database).RunAsync(CancellationToken.None));
            report.WriteTo(output, services.GetRequiredService<TimeProvider>().GetUtcNow());
            return report.ExitCode;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or StorageBusyException)
        {
            await error.WriteLineAsync($"reconcile could not read {database.Description}: {ex.Message}");
            return IntegrityReport.ExitFailed;
        }
    }
}
