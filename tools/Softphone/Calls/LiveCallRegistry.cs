using System.Collections.Concurrent;

namespace PhoneBooking.Softphone.Calls;

/// <summary>The calls in progress, by CallSid: what the REST API's call update acts on.</summary>
public sealed class LiveCallRegistry
{
    private readonly ConcurrentDictionary<string, LiveCall> _calls = new(StringComparer.Ordinal);

    public IReadOnlyCollection<LiveCall> All => [.. _calls.Values];

    public LiveCall? Find(string callSid) => _calls.GetValueOrDefault(callSid);

    internal LiveCall Register(CallContext context, DateTimeOffset created)
    {
        var call = new LiveCall(context, created);
        _calls[context.CallSid] = call;
        return call;
    }

    internal void Remove(string callSid)
    {
        if (_calls.TryRemove(callSid, out var call))
        {
            call.Dispose();
        }
    }
}
