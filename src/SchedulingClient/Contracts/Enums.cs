namespace PhoneBooking.SchedulingClient.Contracts;

// Serialized as camelCase strings (SchedulingJson), matching docs/scheduling-api.md.

public enum Channel
{
    Web,
    Phone,
    Agent,
}

public enum PartOfDay
{
    Morning,
    Afternoon,
    Evening,
    Any,
}

/// <summary>When the hold clock starts: when the offer is made, or when the consumer delivers it (<c>/hold</c>).</summary>
public enum HoldStart
{
    OnOffer,
    OnDelivery,
}

public enum RequestStatus
{
    Queued,
    AwaitingEligibility,
    Offered,
    Booked,
    Cancelled,
    Closed,
}

public enum OfferStatus
{
    Pending,
    Accepted,
    Declined,
    Expired,
}

public enum BookingStatus
{
    Confirmed,
    Cancelled,
}

public enum GroupVisitStatus
{
    Queued,
    Scheduled,

    /// <summary>No preferred date had a mobile team free: the coordinator must be called.</summary>
    Unavailable,
}
