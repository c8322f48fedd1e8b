using PhoneBooking.SchedulingApi.Bookings;
using PhoneBooking.SchedulingApi.Offers;

namespace PhoneBooking.SchedulingApi.BookingRequests;

public sealed record BookingRequestBody(
    PersonBody? Person,
    List<PreferenceBody?>? Preferences,
    Channel? Channel,
    string? ContactPhone,
    HoldStart? HoldStart);

public sealed record PersonBody(DateOnly? BirthDate, string? Name, string? HealthCardNumber, string? Language, string? PostalCode);

public sealed record PreferenceBody(DateOnly? Date, DayOfWeek? DayOfWeek, PartOfDay? PartOfDay, string? SiteId);

public sealed record BookingRequestAccepted(
    string RequestId,
    RequestStatus Status,
    int? QueuePosition,
    DateTimeOffset? EstimatedOfferAt,
    DateOnly? EligibleFrom);

/// <summary>What a requester may see: never the contact phone, birth date, name or health card.</summary>
public sealed record BookingRequestStatusResponse(
    string RequestId,
    RequestStatus Status,
    Channel Channel,
    int? QueuePosition,
    DateTimeOffset? EstimatedOfferAt,
    DateOnly? EligibleFrom,
    int OffersMade,
    int OffersRemaining,
    OfferResponse? Offer,
    BookingResponse? Booking);
