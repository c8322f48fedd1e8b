using PhoneBooking.Twilio.Types;

namespace PhoneBooking.Twilio.TwiML;

/// <summary>
/// &lt;Gather&gt;: collect digits and/or speech, then POST them to <c>action</c>. Nests only
/// &lt;Say&gt;, &lt;Play&gt; and &lt;Pause&gt; (Twilio rejects anything else).
/// </summary>
public sealed class Gather(
    IEnumerable<Gather.InputEnum>? input = null,
    Uri? action = null,
    HttpMethod? method = null,
    int? timeout = null,
    string? speechTimeout = null,
    string? finishOnKey = null,
    int? numDigits = null,
    Gather.LanguageEnum? language = null,
    string? hints = null,
    bool? actionOnEmptyResult = null) : TwiML("Gather")
{
    public IReadOnlyList<InputEnum>? Input { get; set; } = input?.ToList();

    public Uri? Action { get; set; } = action;

    public HttpMethod? Method { get; set; } = method;

    public int? Timeout { get; set; } = timeout;

    /// <summary>Seconds, or "auto".</summary>
    public string? SpeechTimeout { get; set; } = speechTimeout;

    /// <summary>"#" by default at Twilio; an empty string disables it.</summary>
    public string? FinishOnKey { get; set; } = finishOnKey;

    public int? NumDigits { get; set; } = numDigits;

    public LanguageEnum? Language { get; set; } = language;

    public string? Hints { get; set; } = hints;

    public bool? ActionOnEmptyResult { get; set; } = actionOnEmptyResult;

    public new Gather Append(TwiML childElem) => (Gather)base.Append(childElem);

    public Gather Say(string? message = null, Say.VoiceEnum? voice = null, int? loop = null, Say.LanguageEnum? language = null) =>
        Append(new Say(message, voice, loop, language));

    public Gather Play(Uri? url = null, int? loop = null, string? digits = null) => Append(new Play(url, loop, digits));

    public Gather Pause(int? length = null) => Append(new Pause(length));

    protected override bool CanNest(TwiML child) => Nesting.IsGatherChild(child);

    protected override IEnumerable<(string Name, object? Value)> GetElementAttributes() =>
    [
        ("input", Input is null ? null : string.Join(' ', Input)),
        ("action", Action),
        ("method", Method),
        ("timeout", Timeout),
        ("speechTimeout", SpeechTimeout),
        ("finishOnKey", FinishOnKey),
        ("numDigits", NumDigits),
        ("language", Language),
        ("hints", Hints),
        ("actionOnEmptyResult", ActionOnEmptyResult),
    ];

    public sealed class InputEnum : StringEnum
    {
        private InputEnum(string value)
            : base(value)
        {
        }

        public static readonly InputEnum Dtmf = new("dtmf");
        public static readonly InputEnum Speech = new("speech");

        public static implicit operator InputEnum(string value) => new(value);
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
