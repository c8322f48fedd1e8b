using PhoneBooking.SchedulingApi.BookingRequests;
using PhoneBooking.SchedulingApi.Bookings;

namespace PhoneBooking.SchedulingApi.Offers;

/// <summary>An offer as consumers see it. <c>holdStartedAt</c> null: waiting for delivery, <c>expiresAt</c> is the delivery deadline.</summary>
public sealed record OfferResponse(
    string OfferId,
    string SiteId,
    string SiteName,
    string SpokenSiteName,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    DateTimeOffset OfferedAt,
    DateTimeOffset? HoldStartedAt,
    DateTimeOffset ExpiresAt,
    int HoldMinutes,
    OfferStatus Status);

public sealed record AcceptOfferResponse(string RequestId, BookingResponse Booking);

public sealed record DeclineOfferResponse(string RequestId, RequestStatus RequestStatus, int OffersRemaining);
