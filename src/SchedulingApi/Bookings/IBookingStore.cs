namespace PhoneBooking.SchedulingApi.Bookings;

public interface IBookingStore
{
    Task InsertAsync(Booking booking, CancellationToken cancellationToken);

    Task<Booking?> GetAsync(string confirmationCode, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string confirmationCode, CancellationToken cancellationToken);

    /// <summary>Confirmed → cancelled. False when it was already cancelled.</summary>
    Task<bool> TryCancelAsync(string confirmationCode, DateTimeOffset now, CancellationToken cancellationToken);
}
