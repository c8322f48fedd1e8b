using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBooking.Storage.Migrations;

namespace PhoneBooking.Storage;

/// <summary>
/// Migrates the process's database once, before anything else starts (hosted services begin with it,
/// and code that needs the tables earlier awaits <see cref="EnsureMigratedAsync"/>). A failure stops
/// the host with a <see cref="StorageStartupException"/> naming the file or host:port.
/// </summary>
public sealed partial class StorageStartup(ISchemaMigrator migrator, ILogger<StorageStartup> logger) : IHostedLifecycleService
{
    private readonly Lock _gate = new();
    private Task? _migrated;

    public Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // A failed run is not cached: the host stops on it, and a caller that retries gets a fresh attempt.
            if (_migrated is null || _migrated.IsFaulted || _migrated.IsCanceled)
            {
                _migrated = MigrateAsync(cancellationToken);
            }

            return _migrated;
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => EnsureMigratedAsync(cancellationToken);

    /// <summary>
    /// For a process's <c>Program</c>: checks the storage settings and migrates before the host starts, so a
    /// failure is one line on <paramref name="error"/> naming the setting, folder, file or host:port (and
    /// false: exit non-zero) instead of a hosting stack trace. The host's own start then finds it done.
    /// Only when <paramref name="program"/> is the process's entry point: a test host running the program's
    /// Main in its own process starts the host itself, and gets start-up failures as exceptions.
    /// </summary>
    public static async Task<bool> TryMigrateBeforeStartAsync(IServiceProvider services, Assembly program, TextWriter error)
    {
        if (Assembly.GetEntryAssembly() != program)
        {
            return true;
        }

        var name = program.GetName().Name;
        try
        {
            _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            await services.GetRequiredService<StorageStartup>().EnsureMigratedAsync(CancellationToken.None);
            return true;
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync($"{name} did not start: {string.Join(" ", ex.Failures)}");
        }
        catch (StorageStartupException ex)
        {
            await error.WriteLineAsync($"{name} did not start: {ex.Message}");
        }

        return false;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        foreach (var feature in await migrator.MigrateAsync(cancellationToken))
        {
            LogSchemaReady(logger, feature.Feature, feature.FromVersion, feature.ToVersion);
        }
    }

    [LoggerMessage(EventId = 9001, EventName = "SchemaReady", Level = LogLevel.Information,
        Message = "Schema of {Feature} ready (was version {FromVersion}, now {ToVersion})")]
    private static partial void LogSchemaReady(ILogger logger, string feature, int fromVersion, int toVersion);
}
