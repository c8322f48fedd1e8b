using PhoneBooking.Twilio.Types;

namespace PhoneBooking.Twilio.TwiML;

/// <summary><c>&lt;say-as interpret-as="…" format="…"&gt;</c>: how to read digits, dates, codes.</summary>
public sealed class SsmlSayAs(string? words = null, SsmlSayAs.InterpretAsEnum? interpretAs = null, SsmlSayAs.FormatEnum? format = null)
    : SsmlElement("say-as", words)
{
    public InterpretAsEnum? InterpretAs { get; set; } = interpretAs;

    public FormatEnum? Format { get; set; } = format;

    protected override IEnumerable<(string Name, object? Value)> GetElementAttributes() =>
        [("interpret-as", InterpretAs), ("format", Format)];

    public sealed class InterpretAsEnum : StringEnum
    {
        private InterpretAsEnum(string value)
            : base(value)
        {
        }

        public static readonly InterpretAsEnum Characters = new("characters");
        public static readonly InterpretAsEnum SpellOut = new("spell-out");
        public static readonly InterpretAsEnum Cardinal = new("cardinal");
        public static readonly InterpretAsEnum Number = new("number");
        public static readonly InterpretAsEnum Ordinal = new("ordinal");
        public static readonly InterpretAsEnum Digits = new("digits");
        public static readonly InterpretAsEnum Fraction = new("fraction");
        public static readonly InterpretAsEnum Unit = new("unit");
        public static readonly InterpretAsEnum Date = new("date");
        public static readonly InterpretAsEnum Time = new("time");
        public static readonly InterpretAsEnum Address = new("address");
        public static readonly InterpretAsEnum Expletive = new("expletive");
        public static readonly InterpretAsEnum Telephone = new("telephone");

        public static implicit operator InterpretAsEnum(string value) => new(value);
    }

    public sealed class FormatEnum : StringEnum
    {
        private FormatEnum(string value)
            : base(value)
        {
        }

        public static readonly FormatEnum Mdy = new("mdy");
        public static readonly FormatEnum Dmy = new("dmy");
        public static readonly FormatEnum Ymd = new("ymd");
        public static readonly FormatEnum Md = new("md");
        public static readonly FormatEnum Dm = new("dm");
        public static readonly FormatEnum Ym = new("ym");
        public static readonly FormatEnum My = new("my");
        public static readonly FormatEnum D = new("d");
        public static readonly FormatEnum M = new("m");
        public static readonly FormatEnum Y = new("y");
        public static readonly FormatEnum Yyyymmdd = new("yyyymmdd");

        public static implicit operator FormatEnum(string value) => new(value);
    }
}
