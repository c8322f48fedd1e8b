using PhoneBooking.Twilio.Types;

namespace PhoneBooking.Twilio.TwiML;

/// <summary><c>&lt;emphasis level="…"&gt;</c>.</summary>
public sealed class SsmlEmphasis(string? words = null, SsmlEmphasis.LevelEnum? level = null) : SsmlElement("emphasis", words)
{
    public LevelEnum? Level { get; set; } = level;

    protected override IEnumerable<(string Name, object? Value)> GetElementAttributes() => [("level", Level)];

    public sealed class LevelEnum : StringEnum
    {
        private LevelEnum(string value)
            : base(value)
        {
        }

        public static readonly LevelEnum Strong = new("strong");
        public static readonly LevelEnum Moderate = new("moderate");
        public static readonly LevelEnum Reduced = new("reduced");

        public static implicit operator LevelEnum(string value) => new(value);
    }
}
