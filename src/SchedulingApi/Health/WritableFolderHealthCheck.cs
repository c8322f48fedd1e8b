using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PhoneBooking.SchedulingApi.Health;

/// <summary>
/// Readiness: can the data folder still take a write? A database that answers reads says nothing
/// about a full disk or a folder remounted read-only, and then every write fails while the balancer
/// keeps sending traffic. A small file is written, flushed to the disk and deleted. Shared with the
/// phone line, whose sessions live in its data folder too.
/// </summary>
public sealed partial class WritableFolderHealthCheck(Func<string> folder, ILogger<WritableFolderHealthCheck> logger) : IHealthCheck
{
    public const string Name = "storage";

    // A page: enough that a full disk refuses it, small enough to be free on a healthy one.
    private static readonly byte[] Probe = new byte[4096];

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(folder(), $".write-probe-{Guid.NewGuid():N}");
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                await file.WriteAsync(Probe, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            return HealthCheckResult.Healthy("data folder takes writes");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogNotWritable(logger, ex);
            return new HealthCheckResult(context.Registration.FailureStatus, "data folder cannot take writes (disk full or read-only)");
        }
        finally
        {
            TryDelete(path);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing was written, or the folder is read-only: nothing to clean.
        }
    }

    [LoggerMessage(EventId = 90, EventName = "DataFolderNotWritable", Level = LogLevel.Error, Message = "Readiness: the data folder cannot take writes")]
    private static partial void LogNotWritable(ILogger logger, Exception exception);
}
