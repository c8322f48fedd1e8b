namespace PhoneBooking.IvrHost.Sessions;

/// <summary>Section <c>Sessions</c>: how long ended calls' sessions are kept, and the caller-key secret (where they live: <c>Storage</c>).</summary>
public sealed class SessionsOptions
{
    public const string SectionName = "Sessions";

    /// <summary>How long a session is kept after its last update. Sessions hold personal data: keep this short.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often expired sessions are deleted.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Key of the caller-number HMAC (at least 32 characters). Unset: a random key is created once
    /// in the data folder (<c>caller-key.secret</c>). Several instances must share one key.
    /// </summary>
    public string? CallerKeySecret { get; set; }
}
