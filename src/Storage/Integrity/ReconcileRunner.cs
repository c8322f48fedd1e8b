using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PhoneBooking.Storage.Integrity;

/// <summary>What one process's <c>reconcile</c> checks: its name in the report, its SQLite file, and its checks.</summary>
/// <param name="Describe">The database as the report names it (the settings' provider, file or server).</param>
/// <param name="Checks">The read-only checks, run in a scope of the process's services.</param>
public sealed record ReconcileTarget(
    string SqliteFileName,
    Func<IServiceProvider, string> Describe,
    Func<IServiceProvider, CancellationToken, Task<IReadOnlyList<IntegrityCheck>>> Checks);

/// <summary>
/// <c>dotnet run --project src/&lt;process&gt; -- reconcile [settings]</c>, the same for the line and the API
/// (docs/operations.md, "Reconcile"): checks the database the settings name and prints a report; exit code 0
/// consistent, 1 a rule broken, 2 could not check. Read-only: it never migrates, repairs or starts anything.
/// </summary>
public static class ReconcileRunner
{
    public const string CommandName = "reconcile";

    /// <summary>Runs the command when <paramref name="args"/> start with it (the host built from the rest by <paramref name="build"/>, never started); null otherwise.</summary>
    public static async Task<int?> TryRunAsync(string[] args, ReconcileTarget target, Func<string[], IHost> build, TextWriter output, TextWriter error)
    {
        if (args is not [CommandName, .. var settings])
        {
            return null;
        }

        try
        {
            var host = build(settings);
            try
            {
                return await RunAsync(host.Services, target, output, error);
            }
            finally
            {
                // The container holds async-only disposables (connection pools): a synchronous Dispose would throw.
                if (host is IAsyncDisposable disposable)
                {
                    await disposable.DisposeAsync();
                }
                else
                {
                    host.Dispose();
                }
            }
        }
        catch (Exception ex) when (ex is OptionsValidationException or StorageStartupException or InvalidOperationException)
        {
            await error.WriteLineAsync($"reconcile could not run: {ex.Message}");
            return IntegrityReport.ExitFailed;
        }
    }

    /// <summary>The checks on the database of <paramref name="services"/>: the report on <paramref name="output"/>, the exit code returned.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, ReconcileTarget target, TextWriter output, TextWriter error)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;

        // Resolved as DataDirectory would, without creating the folder: the wrong folder must not look like an empty, healthy database.
        var file = Path.Combine(Path.GetFullPath(options.DataDirectory, services.GetRequiredService<IHostEnvironment>().ContentRootPath), target.SqliteFileName);
        if (options.ProviderKind == StorageProvider.Sqlite && !File.Exists(file))
        {
            await error.WriteLineAsync($"reconcile could not run: no database at {file} (Storage:DataDirectory)");
            return IntegrityReport.ExitFailed;
        }

        var subject = target.Describe(services);
        try
        {
            await using var scope = services.CreateAsyncScope();
            var report = new IntegrityReport(subject, await target.Checks(scope.ServiceProvider, CancellationToken.None));
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
