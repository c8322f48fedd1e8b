using PhoneBooking.SchedulingClient;
using PhoneBooking.SchedulingClient.Contracts;

namespace PhoneBooking.IvrHost.Tests.Callbacks.Support;

/// <summary>The scheduling API's event feed, as far as the dialer reads it: pages after a cursor, at least once.</summary>
internal sealed class FakeEventFeed : ISchedulingClient
{
    private readonly List<SchedulingEvent> _events = [];

    public List<long> ReadAfter { get; } = [];

    /// <summary>When set, the feed answers as an API that is down.</summary>
    public bool Down { get; set; }

    public void Add(string type, string requestId, Channel channel = Channel.Phone) =>
        _events.Add(new SchedulingEvent(_events.Count + 1, type, DateTimeOffset.UnixEpoch, requestId, $"of_{_events.Count + 1}", channel));

    public Task<SchedulingResult<EventPage>> GetEventsAsync(long after, int limit = 100, CancellationToken cancellationToken = default)
    {
        ReadAfter.Add(after);
        if (Down)
        {
            return Task.FromResult(SchedulingResult.Failed<EventPage>(new BackendFailure(BackendFailureReason.ConnectionFailed, "refused")));
        }

        var page = _events.Where(e => e.Id > after).Take(limit).ToList();
        return Task.FromResult(SchedulingResult.Success(new EventPage(page, page.Count > 0 ? page[^1].Id : after)));
    }

    public Task<SchedulingResult<Eligibility>> CheckEligibilityAsync(EligibilityQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<SchedulingResult<IReadOnlyList<Site>>> GetSitesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<SchedulingResult<IReadOnlyList<AvailabilityWindow>>> GetAvailabilityAsync(AvailabilityQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<SchedulingResult<BookingRequestAccepted>> SubmitBookingRequestAsync(BookingRequestSubmission submission, IdempotencyKey key, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<SchedulingResult<BookingRequestStatus>> GetBookingRequestAsync(string requestId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<SchedulingResult<Offer>> StartHoldAsync(string offerId, IdempotencyKey key, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<SchedulingResult<OfferAccepted>> AcceptOfferAsync(string offerId, IdempotencyKey key, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<SchedulingResult<OfferDeclined>> DeclineOfferAsync(string offerId, IdempotencyKey key, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<SchedulingResult<Booking>> LookUpBookingAsync(BookingLookup lookup, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<SchedulingResult<Booking>> CancelBookingAsync(BookingLookup lookup, IdempotencyKey key, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<SchedulingResult<Facility>> VerifyFacilityAsync(FacilityCredentials credentials, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<SchedulingResult<GroupVisitAccepted>> SubmitGroupVisitAsync(GroupVisitSubmission submission, IdempotencyKey key, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<SchedulingResult<GroupVisit>> GetGroupVisitAsync(string groupVisitId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<SchedulingResult<ApiReadiness>> CheckReadinessAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
