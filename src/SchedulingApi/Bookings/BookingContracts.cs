namespace PhoneBooking.SchedulingApi.Bookings;

public sealed record BookingLookupBody(string? ConfirmationCode, DateOnly? BirthDate);

public sealed record BookingResponse(
    string ConfirmationCode,
    string RequestId,
    string SiteId,
    string SiteName,
    string SpokenSiteName,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    BookingStatus Status);
