using PhoneBooking.Softphone.Platform;

namespace PhoneBooking.Softphone.Queues;

/// <summary>One named queue: members in arrival order, and the average wait of those who left it.</summary>
public sealed class CallQueue(string name)
{
    private readonly Lock _gate = new();
    private readonly List<QueueMember> _members = [];
    private TimeSpan _totalWait;
    private int _left;

    public string Name { get; } = name;

    public string Sid { get; } = Platform.Sid.New("QU");

    public int Size
    {
        get
        {
            lock (_gate)
            {
                return _members.Count;
            }
        }
    }

    public IReadOnlyList<string> CallSids
    {
        get
        {
            lock (_gate)
            {
                return [.. _members.Select(m => m.CallSid)];
            }
        }
    }

    public TimeSpan AverageWait
    {
        get
        {
            lock (_gate)
            {
                return _left == 0 ? TimeSpan.Zero : _totalWait / _left;
            }
        }
    }

    /// <summary>1-based, as Twilio's QueuePosition; 0 once the member has left.</summary>
    public int PositionOf(QueueMember member)
    {
        lock (_gate)
        {
            return _members.IndexOf(member) + 1;
        }
    }

    /// <summary>
    /// An agent takes the caller at the front (as &lt;Dial&gt;&lt;Queue&gt; does): the caller's &lt;Enqueue&gt;
    /// ends with QueueResult=bridged once <see cref="QueueMember.EndBridge"/> is called.
    /// </summary>
    public QueueMember? TryBridgeFront(string dequeuingCallSid)
    {
        lock (_gate)
        {
            var front = _members.FirstOrDefault(m => !m.IsBridged);
            front?.Bridge(dequeuingCallSid);
            return front;
        }
    }

    internal QueueMember Join(string callSid, DateTimeOffset at)
    {
        var member = new QueueMember(callSid, at);
        lock (_gate)
        {
            _members.Add(member);
        }

        return member;
    }

    internal void Leave(QueueMember member, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (_members.Remove(member))
            {
                _totalWait += at - member.JoinedAt;
                _left++;
            }
        }
    }
}
