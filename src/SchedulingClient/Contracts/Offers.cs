namespace PhoneBooking.SchedulingClient.Contracts;

/// <summary>A held (or waiting-for-delivery) one-hour window.</summary>
/// <param name="HoldStartedAt">Null until the hold clock starts (on offer, or on <c>/hold</c> for delivered offers).</param>
public sealed record Offer(
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

public sealed record OfferAccepted(string RequestId, Booking Booking);

/// <param name="RequestStatus"><see cref="Contracts.RequestStatus.Queued"/> (another offer will come) or <see cref="Contracts.RequestStatus.Closed"/> (offer cap reached).</param>
public sealed record OfferDeclined(string RequestId, RequestStatus RequestStatus, int OffersRemaining);
