using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.AgentConsole.Bookings;
using PhoneBooking.IvrHost.AgentConsole.Calls;

namespace PhoneBooking.IvrHost.AgentConsole.Board;

/// <summary>
/// Tells open consoles when the board changed. While anyone is watching, it reads the board every
/// <see cref="AgentConsoleOptions.RefreshInterval"/> (other instances and the call flow write to the
/// same stores) and right after this instance's own console actions, and publishes the board's
/// version when it differs; claims left too long go back to the queue on the way. One reader for all
/// consoles, however many are open.
/// </summary>
public sealed partial class BoardWatcher(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<AgentConsoleOptions> options,
    ILogger<BoardWatcher> logger) : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _reading = new(1, 1);
    private TaskCompletionSource<string> _next = NewSignal();
    private string _version = "";
    private int _watchers;

    public string Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <summary>Counts a watcher for as long as the returned handle lives; the poll runs only while someone watches.</summary>
    public IDisposable Watch()
    {
        Interlocked.Increment(ref _watchers);
        return new Watcher(this);
    }

    /// <summary>The current version once it differs from <paramref name="seen"/>, or after <paramref name="heartbeat"/> the same one again.</summary>
    public async Task<string> NextAsync(string? seen, TimeSpan heartbeat, CancellationToken cancellationToken)
    {
        Task<string> next;
        lock (_gate)
        {
            if (_version != seen)
            {
                return _version;
            }

            next = _next.Task;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var beat = Task.Delay(heartbeat, clock, stop.Token);
        await Task.WhenAny(next, beat);
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return Version;
    }

    /// <summary>Reads the board now (after a console action, or when a watcher joins) and publishes a change.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AgentCalls>().ReleaseStaleClaimsAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<AgentBookings>().RefreshInFlightAsync(cancellationToken);
            var board = await scope.ServiceProvider.GetRequiredService<BoardReader>().ReadAsync(cancellationToken);
            Publish(board.Version);
        }
        finally
        {
            _reading.Release();
        }
    }

    public override void Dispose()
    {
        _reading.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (Volatile.Read(ref _watchers) == 0)
                {
                    continue;
                }

                try
                {
                    await CheckAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A bad read (database busy, backend hiccup) must not end the poll: the next tick tries again.
                    LogCheckFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private void Publish(string version)
    {
        TaskCompletionSource<string> changed;
        lock (_gate)
        {
            if (version == _version)
            {
                return;
            }

            (_version, changed, _next) = (version, _next, NewSignal());
        }

        changed.SetResult(version);
    }

    private static TaskCompletionSource<string> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(EventId = 2831, EventName = "BoardCheckFailed", Level = LogLevel.Warning, Message = "The agent console could not read the board; trying again at the next tick")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);

    private sealed class Watcher(BoardWatcher owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner._watchers);
            }
        }
    }
}
