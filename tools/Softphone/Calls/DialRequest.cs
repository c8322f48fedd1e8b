using PhoneBooking.Softphone.Timing;
using PhoneBooking.Softphone.Transcripts;

namespace PhoneBooking.Softphone.Calls;

/// <summary>
/// An incoming call to the line, as configured on a Twilio number: voice URL and method, fallback URL,
/// status callback; who calls; and how the softphone keeps time.
/// </summary>
public sealed record DialRequest
{
    public static readonly Uri LocalLine = new("http://127.0.0.1:5080/voice");

    public Uri VoiceUrl { get; init; } = LocalLine;

    public HttpMethod VoiceMethod { get; init; } = HttpMethod.Post;

    /// <summary>Requested (with ErrorCode and ErrorUrl) when the line's TwiML fails.</summary>
    public Uri? FallbackUrl { get; init; }

    public HttpMethod FallbackMethod { get; init; } = HttpMethod.Post;

    /// <summary>Gets CallStatus=completed (or busy, no-answer) with CallDuration when the call ends.</summary>
    public Uri? StatusCallbackUrl { get; init; }

    public HttpMethod StatusCallbackMethod { get; init; } = HttpMethod.Post;

    /// <summary>The caller's number (E.164).</summary>
    public string From { get; init; } = "+16135550123";

    /// <summary>The line's number (E.164).</summary>
    public string To { get; init; } = "+15550100000";

    public CallerProfile Profile { get; init; } = new();

    public string? CallerName { get; init; }

    public string? ForwardedFrom { get; init; }

    public TimeMode TimeMode { get; init; } = TimeMode.Virtual;

    /// <summary>Sees each transcript line as it happens (the CLI prints them).</summary>
    public Action<TranscriptEntry>? OnTranscript { get; init; }

    /// <summary>How parties reached by &lt;Dial&gt; respond; default: they answer and talk for 10 seconds.</summary>
    public DialPolicy DialPolicy { get; init; } = DialPolicy.AnswerAndTalk(TimeSpan.FromSeconds(10));
}
