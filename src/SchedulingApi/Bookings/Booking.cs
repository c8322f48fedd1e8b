namespace PhoneBooking.SchedulingApi.Bookings;

public enum BookingStatus
{
    Confirmed,
    Cancelled,
}

public sealed record Booking(
    string ConfirmationCode,
    string RequestId,
    string OfferId,
    long WindowId,
    DateOnly BirthDate,
    BookingStatus Status,
    DateTimeOffset CreatedAt);
