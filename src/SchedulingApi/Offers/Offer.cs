namespace PhoneBooking.SchedulingApi.Offers;

public enum OfferStatus
{
    Pending,
    Accepted,
    Declined,
    Expired,
}

/// <summary>
/// A window offered to one request, its place reserved. <see cref="HoldStartedAt"/> is null while an
/// on-delivery offer waits to reach the person; <see cref="ExpiresAt"/> is then the delivery deadline.
/// </summary>
public sealed record Offer(
    string Id,
    string RequestId,
    long WindowId,
    OfferStatus Status,
    DateTimeOffset OfferedAt,
    DateTimeOffset? HoldStartedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? DecidedAt)
{
    public bool IsOverdue(DateTimeOffset now) => Status == OfferStatus.Pending && now >= ExpiresAt;
}
