namespace PhoneBooking.IvrHost.Sessions;

/// <summary>Section <c>Sessions</c>: where call sessions live and how long ended ones are kept.</summary>
public sealed class SessionsOptions
{
    public const string SectionName = "Sessions";

    public const string SqliteProvider = "Sqlite";

    /// <summary>Storage behind <see cref="ICallSessionStore"/>. <c>Sqlite</c> (a file in the data folder) for one machine.</summary>
    public string Provider { get; set; } = SqliteProvider;

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
