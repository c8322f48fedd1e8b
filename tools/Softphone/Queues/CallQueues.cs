using System.Collections.Concurrent;

namespace PhoneBooking.Softphone.Queues;

/// <summary>Twilio's call queues, created on demand by &lt;Enqueue&gt; (QU… sids, position, average wait).</summary>
public sealed class CallQueues
{
    private readonly ConcurrentDictionary<string, CallQueue> _queues = new(StringComparer.Ordinal);

    public IReadOnlyCollection<CallQueue> All => [.. _queues.Values];

    public CallQueue? Find(string name) => _queues.GetValueOrDefault(name);

    public CallQueue GetOrCreate(string name) => _queues.GetOrAdd(name, n => new CallQueue(n));
}
