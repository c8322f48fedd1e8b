namespace PhoneBooking.Twilio;

/// <summary>Section <c>Twilio</c>. The auth token signs every webhook and authenticates every REST call.</summary>
public sealed class TwilioOptions
{
    public const string SectionName = "Twilio";

    public const string DefaultApiBaseUrl = "https://api.twilio.com";

    /// <summary>AC…; the account the REST client acts for.</summary>
    public string? AccountSid { get; set; }

    /// <summary>Secret: comes from a secret store (env var <c>Twilio__AuthToken</c>), never from a committed file outside Development.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The line's own E.164 number: caller ID for callbacks and sender for SMS.</summary>
    public string? PhoneNumber { get; set; }

    /// <summary>
    /// The public origin Twilio calls (e.g. <c>https://line.example.org</c>) when the app sits behind a
    /// proxy or tunnel that rewrites host or scheme. The signature is checked against this origin plus
    /// the request's path and query. Unset: the request's own scheme and host (after forwarded headers).
    /// </summary>
    public string? BaseUrlOverride { get; set; }

    /// <summary>Twilio's REST API; tests and the local softphone stand in for it by pointing this elsewhere.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>
    /// Budget for one REST call, retries included (100 s: HttpClient's own default), measured on the
    /// injected <see cref="TimeProvider"/>. Past it the SDK reports <c>ApiConnectionException</c>:
    /// after a create, the call or text may exist.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
