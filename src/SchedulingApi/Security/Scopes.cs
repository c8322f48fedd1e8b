namespace PhoneBooking.SchedulingApi.Security;

/// <summary>
/// What an API client may do. Each endpoint requires one scope (docs/security.md has the table);
/// a client's scopes come from its role unless configuration lists them.
/// </summary>
public static class Scopes
{
    /// <summary>Sites, availability and eligibility: public facts, but still only for known clients.</summary>
    public const string CatalogRead = "catalog:read";

    /// <summary>Booking requests for oneself, channel <c>web</c>.</summary>
    public const string RequestsSubmit = "requests:submit";

    /// <summary>Booking requests on behalf of callers, channels <c>phone</c> and <c>agent</c>.</summary>
    public const string RequestsSubmitOnBehalf = "requests:submit-on-behalf";

    /// <summary>The status of the client's own booking requests.</summary>
    public const string RequestsRead = "requests:read";

    /// <summary>Hold, accept or decline offers made to the client's own requests.</summary>
    public const string OffersDecide = "offers:decide";

    public const string BookingsLookup = "bookings:lookup";

    public const string BookingsCancel = "bookings:cancel";

    public const string FacilitiesVerify = "facilities:verify";

    /// <summary>Submit group visits and read the client's own.</summary>
    public const string GroupVisits = "group-visits";

    /// <summary>The event feed, of the client's own requests and group visits.</summary>
    public const string EventsRead = "events:read";

    public const string ClaimType = "scope";

    public static readonly IReadOnlyList<string> All =
    [
        CatalogRead, RequestsSubmit, RequestsSubmitOnBehalf, RequestsRead, OffersDecide,
        BookingsLookup, BookingsCancel, FacilitiesVerify, GroupVisits, EventsRead,
    ];
}
