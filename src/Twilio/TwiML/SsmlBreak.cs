using PhoneBooking.Twilio.Types;

namespace PhoneBooking.Twilio.TwiML;

/// <summary><c>&lt;break&gt;</c>: a pause by strength or time ("500ms", "2s").</summary>
public sealed class SsmlBreak(SsmlBreak.StrengthEnum? strength = null, string? time = null) : SsmlElement("break", null)
{
    public StrengthEnum? Strength { get; set; } = strength;

    public string? Time { get; set; } = time;

    protected override bool CanNest(TwiML child) => false;

    protected override IEnumerable<(string Name, object? Value)> GetElementAttributes() =>
        [("strength", Strength), ("time", Time)];

    public sealed class StrengthEnum : StringEnum
    {
        private StrengthEnum(string value)
            : base(value)
        {
        }

        public static readonly StrengthEnum None = new("none");
        public static readonly StrengthEnum XWeak = new("x-weak");
        public static readonly StrengthEnum Weak = new("weak");
        public static readonly StrengthEnum Medium = new("medium");
        public static readonly StrengthEnum Strong = new("strong");
        public static readonly StrengthEnum XStrong = new("x-strong");

        public static implicit operator StrengthEnum(string value) => new(value);
    }
}
