namespace PhoneBooking.Softphone.Queues;

/// <summary>A call waiting in a queue; bridged when an agent dequeues it.</summary>
public sealed class QueueMember(string callSid, DateTimeOffset joinedAt) : IDisposable
{
    private readonly CancellationTokenSource _dequeued = new();
    private readonly TaskCompletionSource _bridgeEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string CallSid { get; } = callSid;

    public DateTimeOffset JoinedAt { get; } = joinedAt;

    public string? DequeuingCallSid { get; private set; }

    public bool IsBridged => DequeuingCallSid is not null;

    /// <summary>Cancelled when an agent takes the call: stops the hold music.</summary>
    internal CancellationToken Dequeued => _dequeued.Token;

    internal Task BridgeEnded => _bridgeEnded.Task;

    /// <summary>The agent's side hangs up: the caller's &lt;Enqueue&gt; action runs with QueueResult=bridged.</summary>
    public void EndBridge() => _bridgeEnded.TrySetResult();

    /// <summary>Called under the queue's lock, only for members still in the queue (not yet disposed).</summary>
    internal void Bridge(string dequeuingCallSid)
    {
        DequeuingCallSid = dequeuingCallSid;
        _dequeued.Cancel();
    }

    public void Dispose() => _dequeued.Dispose();
}
