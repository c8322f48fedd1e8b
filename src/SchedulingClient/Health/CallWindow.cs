namespace PhoneBooking.SchedulingClient.Health;

/// <summary>The recent calls' outcomes and latencies, over a sliding time window. Not thread-safe: the monitor locks.</summary>
internal sealed class CallWindow(TimeSpan length, int capacity = 512)
{
    private readonly Queue<Sample> _samples = new();

    public void Add(DateTimeOffset at, TimeSpan duration, bool failed)
    {
        _samples.Enqueue(new(at, duration, failed));
        if (_samples.Count > capacity)
        {
            _samples.Dequeue();
        }
    }

    public WindowStats Measure(DateTimeOffset now)
    {
        while (_samples.TryPeek(out var oldest) && oldest.At <= now - length)
        {
            _samples.Dequeue();
        }

        if (_samples.Count == 0)
        {
            return new(0, 0, TimeSpan.Zero);
        }

        var durations = _samples.Select(s => s.Duration).Order().ToArray();
        var p90 = durations[(int)Math.Ceiling(durations.Length * 0.9) - 1];
        return new(_samples.Count, _samples.Count(s => s.Failed), p90);
    }

    private readonly record struct Sample(DateTimeOffset At, TimeSpan Duration, bool Failed);
}

internal readonly record struct WindowStats(int Calls, int Failures, TimeSpan P90Latency);
