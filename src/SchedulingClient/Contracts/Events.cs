namespace PhoneBooking.SchedulingClient.Contracts;

/// <summary>One page of the durable event feed; store <see cref="NextCursor"/> and pass it as <c>after</c>.</summary>
public sealed record EventPage(IReadOnlyList<SchedulingEvent> Events, long NextCursor);

/// <summary>Ids only, no personal data. Delivered at least once: consumers must tolerate repeats.</summary>
/// <param name="Type">One of <see cref="SchedulingEventTypes"/>; unknown types are future additions to skip.</param>
public sealed record SchedulingEvent(
    long Id,
    string Type,
    DateTimeOffset OccurredAt,
    string? RequestId = null,
    string? OfferId = null,
    Channel? Channel = null,
    string? GroupVisitId = null);

public static class SchedulingEventTypes
{
    public const string OfferMade = "offer.made";
    public const string OfferExpired = "offer.expired";
    public const string OfferDeclined = "offer.declined";
    public const string BookingConfirmed = "booking.confirmed";
    public const string BookingCancelled = "booking.cancelled";
    public const string RequestEligible = "request.eligible";
    public const string RequestClosed = "request.closed";
    public const string GroupVisitScheduled = "groupVisit.scheduled";
    public const string GroupVisitUnavailable = "groupVisit.unavailable";
}
