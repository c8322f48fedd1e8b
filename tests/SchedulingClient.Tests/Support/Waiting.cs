namespace PhoneBooking.SchedulingClient.Tests.Support;

public static class Waiting
{
    /// <summary>Waits (bounded, real time) until the health reaches <paramref name="state"/>.</summary>
    public static async Task<BackendHealthSnapshot> WaitForAsync(this IBackendHealth health, BackendHealthState state)
    {
        var reached = new TaskCompletionSource<BackendHealthSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(object? sender, BackendHealthChangedEventArgs e)
        {
            if (e.Current.State == state)
            {
                reached.TrySetResult(e.Current);
            }
        }

        health.Changed += OnChanged;
        try
        {
            if (health.Current.State == state)
            {
                return health.Current;
            }

            return await reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            health.Changed -= OnChanged;
        }
    }

    /// <summary>Records every health change, in order.</summary>
    public static List<BackendHealthChangedEventArgs> RecordChanges(this IBackendHealth health)
    {
        var changes = new List<BackendHealthChangedEventArgs>();
        health.Changed += (_, e) =>
        {
            lock (changes)
            {
                changes.Add(e);
            }
        };
        return changes;
    }
}
