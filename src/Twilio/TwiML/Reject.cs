using PhoneBooking.Twilio.Types;

namespace PhoneBooking.Twilio.TwiML;

/// <summary>&lt;Reject reason="busy"/&gt;: refuse the call before it is answered (no charge).</summary>
public sealed class Reject(Reject.ReasonEnum? reason = null) : TwiML("Reject")
{
    public ReasonEnum? Reason { get; set; } = reason;

    protected override bool CanNest(TwiML child) => false;

    protected override IEnumerable<(string Name, object? Value)> GetElementAttributes() => [("reason", Reason)];

    public sealed class ReasonEnum : StringEnum
    {
        private ReasonEnum(string value)
            : base(value)
        {
        }

        public static readonly ReasonEnum Rejected = new("rejected");
        public static readonly ReasonEnum Busy = new("busy");

        public static implicit operator ReasonEnum(string value) => new(value);
    }
}
