namespace PhoneBooking.SchedulingApi.Bookings;

/// <summary>8-digit confirmation codes, unique among bookings, without a leading zero so they read aloud as eight digits.</summary>
internal sealed class ConfirmationCodes(IBookingStore bookings)
{
    public const int Length = 8;

    public async Task<string> NewAsync(CancellationToken cancellationToken)
    {
        // 90 million codes: a collision is rare, ten in a row means something is badly wrong.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var code = Api.Ids.Digits(Length);
            if (!await bookings.ExistsAsync(code, cancellationToken))
            {
                return code;
            }
        }

        throw new InvalidOperationException("Could not find a free confirmation code in ten attempts.");
    }
}
