using PhoneBooking.Softphone.Platform;

namespace PhoneBooking.Softphone.Calls;

/// <summary>
/// A call in progress, as the REST API sees it: its state, and the handle to redirect it (Url or Twiml) or
/// end it (Status=completed) from outside, interrupting whatever verb is running, as Twilio does.
/// </summary>
public sealed class LiveCall : IDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource _interrupt = new();
    private Instruction? _pending;
    private bool _disposed;

    internal LiveCall(CallContext context, DateTimeOffset created)
    {
        Context = context;
        Created = created;
    }

    public CallContext Context { get; }

    public string CallSid => Context.CallSid;

    public string Status => Context.Status;

    public DateTimeOffset Created { get; }

    internal CancellationToken InterruptToken
    {
        get
        {
            lock (_gate)
            {
                return _interrupt.Token;
            }
        }
    }

    /// <summary>Stop the current TwiML and fetch this URL instead.</summary>
    public bool Redirect(Uri url, HttpMethod method) => Interrupt(new FetchInstruction("call update", url, method, []));

    /// <summary>Stop the current TwiML and execute this document instead.</summary>
    public bool ExecuteTwiml(string twiml) => Interrupt(new InlineInstruction(twiml));

    /// <summary>End the call (REST Status=completed on a call in progress).</summary>
    public bool HangUp() =>
        Interrupt(new EndInstruction(new CallEnding(CallStatuses.Completed, EndReason.EndedByApi, "ended through the REST API")));

    internal Instruction? TakePending()
    {
        lock (_gate)
        {
            var pending = _pending;
            _pending = null;
            if (_interrupt.IsCancellationRequested)
            {
                _interrupt.Dispose();
                _interrupt = new CancellationTokenSource();
            }

            return pending;
        }
    }

    internal bool HasPending
    {
        get
        {
            lock (_gate)
            {
                return _pending is not null;
            }
        }
    }

    private bool Interrupt(Instruction instruction)
    {
        lock (_gate)
        {
            if (_disposed || CallStatuses.IsFinal(Context.Status))
            {
                return false;
            }

            _pending = instruction;
            _interrupt.Cancel();
            return true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _interrupt.Dispose();
        }
    }
}
