namespace PhoneBooking.SchedulingClient.Contracts;

/// <summary>Body of <c>POST /v1/booking-requests</c>.</summary>
/// <param name="Preferences">1–5, ranked: the first is the best.</param>
/// <param name="ContactPhone">E.164.</param>
public sealed record BookingRequestSubmission(
    Person Person,
    IReadOnlyList<Preference> Preferences,
    Channel Channel,
    string ContactPhone,
    HoldStart? HoldStart = null);

/// <param name="Language">A BCP 47 tag, e.g. <c>en-CA</c>.</param>
public sealed record Person(DateOnly BirthDate, string? Name, string? HealthCardNumber, string Language);

/// <summary>At most one of <paramref name="Date"/> / <paramref name="DayOfWeek"/>; neither means any day.</summary>
public sealed record Preference(PartOfDay PartOfDay, DateOnly? Date = null, DayOfWeek? DayOfWeek = null, string? SiteId = null);

/// <summary>The 202 answer to a submit: the request is queued (or waits for its group to open).</summary>
public sealed record BookingRequestAccepted(
    string RequestId,
    RequestStatus Status,
    int? QueuePosition,
    DateTimeOffset? EstimatedOfferAt,
    DateOnly? EligibleFrom);

/// <summary><c>GET /v1/booking-requests/{id}</c>: never carries the contact phone, birth date or name.</summary>
public sealed record BookingRequestStatus(
    string RequestId,
    RequestStatus Status,
    Channel Channel,
    int? QueuePosition,
    DateTimeOffset? EstimatedOfferAt,
    DateOnly? EligibleFrom,
    int OffersMade,
    int OffersRemaining,
    Offer? Offer,
    Booking? Booking);
