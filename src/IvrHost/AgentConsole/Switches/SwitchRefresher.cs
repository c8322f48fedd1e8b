using Microsoft.Extensions.Options;

namespace PhoneBooking.IvrHost.AgentConsole.Switches;

/// <summary>Reads the switches every <see cref="AgentConsoleOptions.SwitchRefreshInterval"/>: how every instance learns of a change within seconds.</summary>
public sealed partial class SwitchRefresher(StoredSwitchBoard board, IOptions<AgentConsoleOptions> options, TimeProvider clock, ILogger<SwitchRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failing = false;
        try
        {
            while (true)
            {
                try
                {
                    await board.RefreshAsync(stoppingToken);
                    if (failing)
                    {
                        failing = false;
                        LogRecovered(logger);
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is System.Data.Common.DbException or PhoneBooking.Storage.StorageBusyException)
                {
                    // Once per failing streak: the storage alerts tell the rest.
                    if (!failing)
                    {
                        failing = true;
                        LogFailed(logger, ex);
                    }
                }

                await Task.Delay(options.Value.SwitchRefreshInterval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(EventId = 2841, EventName = "SwitchesReadFailed", Level = LogLevel.Warning,
        Message = "The switches could not be read; the last known ones stay until a read succeeds")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2842, EventName = "SwitchesReadRecovered", Level = LogLevel.Information, Message = "The switches can be read again")]
    private static partial void LogRecovered(ILogger logger);
}
