namespace PhoneBooking.SchedulingApi.BookingRequests;

public enum RequestStatus
{
    Queued,
    AwaitingEligibility,
    Offered,
    Booked,
    Cancelled,
    Closed,
}

public enum Channel
{
    Web,
    Phone,
    Agent,
}

/// <summary>When the hold clock starts: when the offer is made (web), or when the consumer reaches the person (phone, agent).</summary>
public enum HoldStart
{
    OnOffer,
    OnDelivery,
}

public enum PartOfDay
{
    Morning,
    Afternoon,
    Evening,
    Any,
}

/// <summary>One ranked preference: a date or a day of the week (or neither: any day), a part of the day, optionally a site.</summary>
public sealed record Preference(DateOnly? Date, DayOfWeek? DayOfWeek, PartOfDay PartOfDay, string? SiteId)
{
    public static readonly Preference Anything = new(null, null, PartOfDay.Any, null);
}

/// <summary>A queued booking request. <see cref="Seq"/> is its place in arrival order; it keeps it when it goes back to the queue.</summary>
public sealed record BookingRequest(
    long Seq,
    string Id,
    RequestStatus Status,
    Channel Channel,
    HoldStart HoldStart,
    string Language,
    DateOnly BirthDate,
    string? Name,
    string? HealthCardNumber,
    string? PostalCode,
    string ContactPhone,
    IReadOnlyList<Preference> Preferences,
    string Cohort,
    DateOnly? EligibleFrom,
    int OffersMade,
    string? CurrentOfferId,
    string? ConfirmationCode,
    DateTimeOffset CreatedAt);
