namespace PhoneBooking.Softphone.Engine;

/// <summary>
/// How the simulated Twilio behaves (section "Softphone"). Defaults match the line's local development
/// settings, so a fresh clone dials the line with no configuration.
/// </summary>
public sealed class SoftphoneOptions
{
    public const string SectionName = "Softphone";

    /// <summary>The account the line's appsettings.Development.json uses for local runs.</summary>
    public const string LocalAccountSid = "AC00000000000000000000000000000000";

    /// <summary>The auth token the line's appsettings.Development.json uses for local runs.</summary>
    public const string LocalAuthToken = "local-dev-auth-token";

    public string AccountSid { get; set; } = LocalAccountSid;

    /// <summary>Signs every webhook (X-Twilio-Signature) and checks the REST stand-in's Basic auth.</summary>
    public string AuthToken { get; set; } = LocalAuthToken;

    /// <summary>Twilio gives up on a webhook after 15 s in total.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Twilio ends any call after 4 hours.</summary>
    public TimeSpan MaxCallDuration { get; set; } = TimeSpan.FromHours(4);

    /// <summary>A runaway guard Twilio does not have: a call making more TwiML requests than this is ended.</summary>
    public int MaxDocumentsPerCall { get; set; } = 500;

    /// <summary>How fast &lt;Say&gt; speaks, for timings (virtual time): Twilio's voices say about 150 words a minute.</summary>
    public int WordsPerMinute { get; set; } = 150;

    /// <summary>How long a &lt;Play&gt; lasts: the softphone does not download the audio.</summary>
    public TimeSpan PlayDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Real time between two rounds of a queue's hold music (so an outside dequeue can land).</summary>
    public TimeSpan HoldPacing { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>What Twilio says when the line's TwiML cannot be fetched or executed.</summary>
    public string ApplicationErrorMessage { get; set; } = "We are sorry, an application error has occurred. Goodbye.";
}
