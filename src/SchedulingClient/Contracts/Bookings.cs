namespace PhoneBooking.SchedulingClient.Contracts;

/// <summary>Body of lookup and cancel: code and birth date travel in the body, never the URL.</summary>
public sealed record BookingLookup(string ConfirmationCode, DateOnly BirthDate);

/// <param name="ConfirmationCode">8 digits, made to be read aloud.</param>
/// <param name="RequestId">Set by lookup/cancel; absent inside a request status.</param>
public sealed record Booking(
    string ConfirmationCode,
    string SiteId,
    string SiteName,
    string SpokenSiteName,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    BookingStatus Status,
    string? RequestId = null);
