using PhoneBooking.SchedulingApi.Bookings;
using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Storage.Stores;

internal sealed class BookingStore(IStoreSession db) : IBookingStore
{
    public Task InsertAsync(Booking booking, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            """
            INSERT INTO bookings (confirmation_code, request_id, offer_id, window_id, birth_date, status, created_ms)
            VALUES (@ConfirmationCode, @RequestId, @OfferId, @WindowId, @BirthDate, @Status, @CreatedMs)
            """,
            new
            {
                booking.ConfirmationCode,
                booking.RequestId,
                booking.OfferId,
                booking.WindowId,
                BirthDate = DbValues.Text(booking.BirthDate),
                Status = DbValues.Word(booking.Status),
                CreatedMs = DbValues.Ms(booking.CreatedAt),
            },
            cancellationToken);

    public async Task<Booking?> GetAsync(string confirmationCode, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<Row>(
            "SELECT confirmation_code, request_id, offer_id, window_id, birth_date, status, created_ms FROM bookings WHERE confirmation_code = @confirmationCode",
            new { confirmationCode },
            cancellationToken))?.ToBooking();

    public async Task<bool> ExistsAsync(string confirmationCode, CancellationToken cancellationToken) =>
        await db.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM bookings WHERE confirmation_code = @confirmationCode)",
            new { confirmationCode },
            cancellationToken);

    public async Task<bool> TryCancelAsync(string confirmationCode, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(
            "UPDATE bookings SET status = 'cancelled', cancelled_ms = @now WHERE confirmation_code = @confirmationCode AND status = 'confirmed'",
            new { confirmationCode, now = DbValues.Ms(now) },
            cancellationToken) == 1;

    private sealed class Row
    {
        public string ConfirmationCode { get; init; } = "";

        public string RequestId { get; init; } = "";

        public string OfferId { get; init; } = "";

        public long WindowId { get; init; }

        public string BirthDate { get; init; } = "";

        public string Status { get; init; } = "";

        public long CreatedMs { get; init; }

        public Booking ToBooking() => new(
            ConfirmationCode, RequestId, OfferId, WindowId, DbValues.Date(BirthDate), DbValues.Enum<BookingStatus>(Status), DbValues.Instant(CreatedMs));
    }
}
