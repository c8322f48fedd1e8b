namespace PhoneBooking.SchedulingApi.Security;

/// <summary>The kinds of client the API serves; a role gives a client its default scopes and limits.</summary>
public enum ApiClientRole
{
    /// <summary>The phone line (and the agent console, through it): books on behalf of callers.</summary>
    PhoneLine,

    /// <summary>The web site: people book for themselves.</summary>
    Web,

    /// <summary>Load tests: every scope of the phone line, no rate limits. Never give a bench key to a deployment.</summary>
    Bench,
}

/// <summary>
/// Per-client limits. Zero means no limit. Sized to the role: one client is one server speaking for
/// many people, so a limit is a ceiling for the whole of that server's traffic (docs/security.md).
/// </summary>
/// <param name="RequestsPerSecond">Every request of the client.</param>
/// <param name="BookingsPerMinute">New booking requests (POST /v1/booking-requests) in a minute, counted across every instance.</param>
/// <param name="BookingsPerHour">The same in an hour: a client cannot spend its minute's budget every minute for long.</param>
/// <param name="GuessFailuresPerWindow">Wrong confirmation code + birth date, or facility code + PIN, before the client is slowed down.</param>
public sealed record ClientLimits(int RequestsPerSecond, int BookingsPerMinute, int GuessFailuresPerWindow, int BookingsPerHour = 0);

internal static class ApiClientRoles
{
    private static readonly string[] PhoneLineScopes =
    [
        Scopes.CatalogRead, Scopes.RequestsSubmitOnBehalf, Scopes.RequestsRead, Scopes.OffersDecide, Scopes.BookingsLookup,
        Scopes.BookingsCancel, Scopes.FacilitiesVerify, Scopes.GroupVisits, Scopes.EventsRead,
    ];

    private static readonly string[] WebScopes =
    [
        Scopes.CatalogRead, Scopes.RequestsSubmit, Scopes.RequestsRead, Scopes.OffersDecide, Scopes.BookingsLookup,
        Scopes.BookingsCancel, Scopes.FacilitiesVerify, Scopes.GroupVisits, Scopes.EventsRead,
    ];

    public static IReadOnlyList<string> DefaultScopes(ApiClientRole role) => role switch
    {
        ApiClientRole.PhoneLine => PhoneLineScopes,
        ApiClientRole.Web => WebScopes,
        _ => Scopes.All,
    };

    /// <summary>
    /// Phone line: our own service, bounded by how many calls Twilio carries at once; its limits only
    /// contain a stolen key, and must never be what slows a launch-day surge (Line.Bench runs 1,000
    /// callers at ten times human speed: about 100 bookings a second), so it has no hourly ceiling. Web: one
    /// site for the whole public, so its ceiling is a ceiling on everyone's web bookings: 600 a minute, 12,000 an hour.
    /// </summary>
    public static ClientLimits DefaultLimits(ApiClientRole role) => role switch
    {
        ApiClientRole.PhoneLine => new ClientLimits(RequestsPerSecond: 5000, BookingsPerMinute: 12_000, GuessFailuresPerWindow: 3000, BookingsPerHour: 0),
        ApiClientRole.Web => new ClientLimits(RequestsPerSecond: 500, BookingsPerMinute: 600, GuessFailuresPerWindow: 600, BookingsPerHour: 12_000),
        _ => new ClientLimits(0, 0, 0),
    };
}
