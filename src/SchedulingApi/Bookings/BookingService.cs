using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.SchedulingApi.BookingRequests;
using PhoneBooking.SchedulingApi.Events;
using PhoneBooking.SchedulingApi.Matching;
using PhoneBooking.SchedulingApi.Observability;
using PhoneBooking.SchedulingApi.Offers;
using PhoneBooking.SchedulingApi.Sites;
using PhoneBooking.SchedulingApi.Storage;

namespace PhoneBooking.SchedulingApi.Bookings;

internal sealed class BookingService(
    IBookingStore bookings,
    IBookingRequestStore requests,
    IWindowStore windows,
    IEventStore events,
    Views views,
    IUnitOfWork unitOfWork,
    BusinessCalendar calendar,
    MatcherSignal matcher,
    SchedulingMetrics metrics,
    ILogger<BookingService> logger)
{
    /// <summary>The booking with this code, if the birth date matches: either wrong gives the same 404.</summary>
    public async Task<Booking?> FindAsync(string confirmationCode, DateOnly birthDate, CancellationToken cancellationToken) =>
        await bookings.GetAsync(confirmationCode, cancellationToken) is { } booking && booking.BirthDate == birthDate ? booking : null;

    public Task<BookingResponse> ViewAsync(Booking booking, CancellationToken cancellationToken) => views.BookingAsync(booking, cancellationToken);

    /// <summary>Cancels a booking found by its code and birth date (the caller has checked both).</summary>
    public async Task<IResult> CancelAsync(Booking booking, CancellationToken cancellationToken)
    {
        var now = calendar.Now;
        if (!await bookings.TryCancelAsync(booking.ConfirmationCode, now, cancellationToken))
        {
            return Problems.BookingCancelled();
        }

        await windows.ReleaseAsync(booking.WindowId, cancellationToken);
        await requests.MarkCancelledAsync(booking.RequestId, now, cancellationToken);
        var request = await requests.GetAsync(booking.RequestId, cancellationToken);
        await events.AppendAsync(
            new SchedulingEvent(0, EventTypes.BookingCancelled, now, booking.RequestId, booking.OfferId, request?.Channel, null),
            cancellationToken);
        unitOfWork.AfterCommit(() =>
        {
            metrics.BookingCancelled(request?.Channel ?? Channel.Web);
            logger.BookingCancelled(booking.RequestId);
            matcher.Wake(); // the freed place can go to the next person in the queue
        });
        return TypedResults.Ok(await views.BookingAsync(booking with { Status = BookingStatus.Cancelled }, cancellationToken));
    }
}
