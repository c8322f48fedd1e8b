using PhoneBooking.SchedulingApi.BookingRequests;

namespace PhoneBooking.SchedulingApi.Events;

/// <summary>A durable fact for consumers (the phone line calls back on <c>offer.made</c>). Ids only, never personal data.</summary>
public sealed record SchedulingEvent(
    long Id,
    string Type,
    DateTimeOffset OccurredAt,
    string? RequestId,
    string? OfferId,
    Channel? Channel,
    string? GroupVisitId)
{
    public static SchedulingEvent ForRequest(string type, DateTimeOffset at, BookingRequest request, string? offerId = null) =>
        new(0, type, at, request.Id, offerId, request.Channel, null);

    public static SchedulingEvent ForGroupVisit(string type, DateTimeOffset at, string groupVisitId) =>
        new(0, type, at, null, null, null, groupVisitId);
}

public static class EventTypes
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
