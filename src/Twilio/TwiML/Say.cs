using PhoneBooking.Twilio.Types;

namespace PhoneBooking.Twilio.TwiML;

/// <summary>
/// &lt;Say&gt;: text-to-speech. Body text first, then SSML children and text runs in the order
/// they were added (SDK: <c>Twilio.TwiML.Voice.Say</c>).
/// </summary>
public sealed class Say(string? message = null, Say.VoiceEnum? voice = null, int? loop = null, Say.LanguageEnum? language = null)
    : TwiML("Say")
{
    public string? Message { get; set; } = message;

    public VoiceEnum? Voice { get; set; } = voice;

    public int? Loop { get; set; } = loop;

    public LanguageEnum? Language { get; set; } = language;

    public new Say Append(TwiML childElem) => (Say)base.Append(childElem);

    public Say AddText(string text) => Append(new Text(text));

    public Say Prosody(string? words = null, string? volume = null, string? rate = null, string? pitch = null) =>
        Append(new SsmlProsody(words, volume, rate, pitch));

    public Say Break(SsmlBreak.StrengthEnum? strength = null, string? time = null) => Append(new SsmlBreak(strength, time));

    public Say SayAs(string? words = null, SsmlSayAs.InterpretAsEnum? interpretAs = null, SsmlSayAs.FormatEnum? format = null) =>
        Append(new SsmlSayAs(words, interpretAs, format));

    public Say Emphasis(string? words = null, SsmlEmphasis.LevelEnum? level = null) => Append(new SsmlEmphasis(words, level));

    public Say P(string? words = null) => Append(new SsmlP(words));

    public Say S(string? words = null) => Append(new SsmlS(words));

    protected override bool CanNest(TwiML child) => child is Text or SsmlElement;

    protected override string? GetElementBody() => Message;

    protected override IEnumerable<(string Name, object? Value)> GetElementAttributes() =>
        [("voice", Voice), ("loop", Loop), ("language", Language)];

    /// <summary>Twilio voices; the named ones are those the line uses, any other converts from a string.</summary>
    public sealed class VoiceEnum : StringEnum
    {
        private VoiceEnum(string value)
            : base(value)
        {
        }

        public static readonly VoiceEnum Man = new("man");
        public static readonly VoiceEnum Woman = new("woman");
        public static readonly VoiceEnum Alice = new("alice");
        public static readonly VoiceEnum PollyJoanna = new("Polly.Joanna");
        public static readonly VoiceEnum PollyJoannaNeural = new("Polly.Joanna-Neural");
        public static readonly VoiceEnum PollyChantal = new("Polly.Chantal");
        public static readonly VoiceEnum PollyGabrielleNeural = new("Polly.Gabrielle-Neural");

        public static implicit operator VoiceEnum(string value) => new(value);
    }

    public sealed class LanguageEnum : StringEnum
    {
        private LanguageEnum(string value)
            : base(value)
        {
        }

        public static readonly LanguageEnum EnCa = new("en-CA");
        public static readonly LanguageEnum EnUs = new("en-US");
        public static readonly LanguageEnum EnGb = new("en-GB");
        public static readonly LanguageEnum FrCa = new("fr-CA");
        public static readonly LanguageEnum FrFr = new("fr-FR");

        public static implicit operator LanguageEnum(string value) => new(value);
    }
}
