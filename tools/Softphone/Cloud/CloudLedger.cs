using System.Collections.Concurrent;
using PhoneBooking.Softphone.Calls;

namespace PhoneBooking.Softphone.Cloud;

/// <summary>What the REST stand-in was asked to do: calls created (and what became of them), messages sent.</summary>
public sealed class CloudLedger
{
    private readonly ConcurrentQueue<CloudCall> _calls = new();
    private readonly ConcurrentQueue<CloudMessage> _messages = new();

    public IReadOnlyList<CloudCall> Calls => [.. _calls];

    public IReadOnlyList<CloudMessage> Messages => [.. _messages];

    public CloudCall? FindCall(string sid) => _calls.FirstOrDefault(c => c.Sid == sid);

    public CloudMessage? FindMessage(string sid) => _messages.FirstOrDefault(m => m.Sid == sid);

    internal void Add(CloudCall call) => _calls.Enqueue(call);

    internal void Add(CloudMessage message) => _messages.Enqueue(message);
}

/// <summary>A call created through Calls.json: the request, its live state, and the finished call.</summary>
public sealed class CloudCall(CallContext context, IReadOnlyDictionary<string, string> request, DateTimeOffset created)
{
    private readonly TaskCompletionSource<CallResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Sid => Context.CallSid;

    public CallContext Context { get; } = context;

    /// <summary>The form the line posted to Calls.json.</summary>
    public IReadOnlyDictionary<string, string> Request { get; } = request;

    public DateTimeOffset Created { get; } = created;

    public DateTimeOffset? Ended { get; internal set; }

    public TimeSpan? Duration { get; internal set; }

    /// <summary>Completes when the call is over, with its transcript (callbacks included).</summary>
    public Task<CallResult> Completion => _completion.Task;

    internal void Complete(CallResult result) => _completion.TrySetResult(result);

    internal void Fail(Exception exception) => _completion.TrySetException(exception);
}

/// <summary>A message sent through Messages.json.</summary>
public sealed record CloudMessage(string Sid, string From, string To, string Body, IReadOnlyDictionary<string, string> Request, DateTimeOffset Created);
