using PhoneBooking.Twilio.Types;

namespace PhoneBooking.Twilio.TwiML;

/// <summary>
/// &lt;Dial&gt;: connect the caller to a number (body) or to nouns &lt;Number&gt;, &lt;Queue&gt;,
/// &lt;Client&gt;, &lt;Sip&gt;. Recording stays off unless <c>record</c> is set.
/// </summary>
public sealed class Dial(
    string? number = null,
    Uri? action = null,
    HttpMethod? method = null,
    int? timeout = null,
    string? callerId = null,
    Dial.RecordEnum? record = null) : TwiML("Dial")
{
    /// <summary>A number dialled directly (SDK: the <c>number</c> constructor argument).</summary>
    public string? NumberToDial { get; set; } = number;

    public Uri? Action { get; set; } = action;

    public HttpMethod? Method { get; set; } = method;

    public int? Timeout { get; set; } = timeout;

    public string? CallerId { get; set; } = callerId;

    public RecordEnum? Record { get; set; } = record;

    public new Dial Append(TwiML childElem) => (Dial)base.Append(childElem);

    public Dial Number(PhoneNumber phoneNumber, string? sendDigits = null, Uri? url = null, HttpMethod? method = null) =>
        Append(new Number(phoneNumber, sendDigits, url, method));

    public Dial Queue(string name, Uri? url = null, HttpMethod? method = null) => Append(new Queue(name, url, method));

    public Dial Client(string identity, Uri? url = null, HttpMethod? method = null) => Append(new Client(identity, url, method));

    public Dial Sip(Uri sipUrl, string? username = null, string? password = null, Uri? url = null, HttpMethod? method = null) =>
        Append(new Sip(sipUrl, username, password, url, method));

    protected override bool CanNest(TwiML child) => Nesting.IsDialNoun(child);

    protected override string? GetElementBody() => NumberToDial;

    protected override IEnumerable<(string Name, object? Value)> GetElementAttributes() =>
        [("action", Action), ("method", Method), ("timeout", Timeout), ("callerId", CallerId), ("record", Record)];

    public sealed class RecordEnum : StringEnum
    {
        private RecordEnum(string value)
            : base(value)
        {
        }

        public static readonly RecordEnum DoNotRecord = new("do-not-record");
        public static readonly RecordEnum RecordFromAnswer = new("record-from-answer");
        public static readonly RecordEnum RecordFromRinging = new("record-from-ringing");
        public static readonly RecordEnum RecordFromAnswerDual = new("record-from-answer-dual");
        public static readonly RecordEnum RecordFromRingingDual = new("record-from-ringing-dual");

        public static implicit operator RecordEnum(string value) => new(value);
    }
}
