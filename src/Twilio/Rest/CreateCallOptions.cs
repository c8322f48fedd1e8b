using PhoneBooking.Twilio.Types;

namespace PhoneBooking.Twilio.Rest;

/// <summary>
/// POST /Calls.json (SDK: <c>CreateCallOptions</c>). Exactly one of <see cref="Url"/> and
/// <see cref="Twiml"/> tells Twilio what to do when the callee answers.
/// </summary>
public sealed class CreateCallOptions(PhoneNumber to, PhoneNumber from)
{
    public PhoneNumber To { get; } = to;

    public PhoneNumber From { get; } = from;

    public Uri? Url { get; set; }

    public HttpMethod? Method { get; set; }

    public string? Twiml { get; set; }

    public Uri? FallbackUrl { get; set; }

    public Uri? StatusCallback { get; set; }

    /// <summary>initiated, ringing, answered, completed: sent as one StatusCallbackEvent field each.</summary>
    public List<string> StatusCallbackEvent { get; set; } = [];

    public HttpMethod? StatusCallbackMethod { get; set; }

    /// <summary>"Enable" or "DetectMessageEnd" (answering-machine detection).</summary>
    public string? MachineDetection { get; set; }

    /// <summary>Answering-machine detection in the background; the result goes to <see cref="AsyncAmdStatusCallback"/>.</summary>
    public bool? AsyncAmd { get; set; }

    public Uri? AsyncAmdStatusCallback { get; set; }

    public HttpMethod? AsyncAmdStatusCallbackMethod { get; set; }

    /// <summary>Seconds to let the phone ring before giving up (Twilio: 5–600, default 60).</summary>
    public int? Timeout { get; set; }

    internal IEnumerable<KeyValuePair<string, string>> ToForm()
    {
        if ((Url is null) == (Twiml is null))
        {
            throw new ArgumentException("A call needs exactly one of Url and Twiml.");
        }

        return new FormFields()
            .Add("To", To.ToString())
            .Add("From", From.ToString())
            .Add("Url", Url)
            .Add("Method", Method)
            .Add("Twiml", Twiml)
            .Add("FallbackUrl", FallbackUrl)
            .Add("StatusCallback", StatusCallback)
            .AddEach("StatusCallbackEvent", StatusCallbackEvent)
            .Add("StatusCallbackMethod", StatusCallbackMethod)
            .Add("MachineDetection", MachineDetection)
            .Add("AsyncAmd", AsyncAmd)
            .Add("AsyncAmdStatusCallback", AsyncAmdStatusCallback)
            .Add("AsyncAmdStatusCallbackMethod", AsyncAmdStatusCallbackMethod)
            .Add("Timeout", Timeout);
    }
}
