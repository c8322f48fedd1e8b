using Microsoft.Extensions.Options;

namespace PhoneBooking.IvrHost.Admission;

/// <summary>
/// How hard this instance's voice webhooks are working, measured on the injected <see cref="TimeProvider"/>:
/// how many are being answered right now, and their mean answer time over the last
/// <see cref="AdmissionOptions.LatencyWindow"/> (one-second buckets). Every /voice webhook counts — a flood
/// of new calls, too, since it is what makes the others queue.
/// </summary>
public sealed class WebhookLoad(TimeProvider clock, IOptionsMonitor<AdmissionOptions> options)
{
    /// <summary>Fewer answers than this in the window say nothing about a queue (one cold start is not a surge).</summary>
    public const int MinSamples = 20;

    private const int Buckets = 61;

    private readonly long _start = clock.GetTimestamp();
    private readonly Lock _lock = new();
    private readonly long[] _second = new long[Buckets];
    private readonly long[] _count = new long[Buckets];
    private readonly double[] _seconds = new double[Buckets];
    private int _inFlight;

    /// <summary>Webhooks being answered now (the one asking included).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Starts timing one webhook; disposing the result ends it.</summary>
    public Timing Begin()
    {
        Interlocked.Increment(ref _inFlight);
        return new Timing(this, clock.GetTimestamp());
    }

    /// <summary>Mean answer time over the window, or null when too few answers were seen to judge.</summary>
    public TimeSpan? RecentLatency()
    {
        var now = Second(clock.GetTimestamp());
        var window = Math.Min(Buckets - 1, (long)Math.Ceiling(options.CurrentValue.LatencyWindow.TotalSeconds));
        long count = 0;
        double total = 0;
        lock (_lock)
        {
            for (var i = 0; i < Buckets; i++)
            {
                if (_count[i] > 0 && now - _second[i] < window)
                {
                    count += _count[i];
                    total += _seconds[i];
                }
            }
        }

        return count >= MinSamples ? TimeSpan.FromSeconds(total / count) : null;
    }

    private void End(long started)
    {
        var ended = clock.GetTimestamp();
        var took = clock.GetElapsedTime(started, ended).TotalSeconds;
        var second = Second(ended);
        var i = (int)(second % Buckets);
        lock (_lock)
        {
            if (_second[i] != second)
            {
                (_second[i], _count[i], _seconds[i]) = (second, 0, 0);
            }

            _count[i]++;
            _seconds[i] += took;
        }

        Interlocked.Decrement(ref _inFlight);
    }

    private long Second(long timestamp) => (long)clock.GetElapsedTime(_start, timestamp).TotalSeconds;

    public readonly struct Timing(WebhookLoad load, long started) : IDisposable
    {
        public void Dispose() => load.End(started);
    }
}

/// <summary>On the /voice group: every webhook is counted in flight and timed (<see cref="WebhookLoad"/>).</summary>
public sealed class WebhookLoadFilter(WebhookLoad load) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        using var timing = load.Begin();
        return await next(context);
    }
}
