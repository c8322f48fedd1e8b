using System.Diagnostics.Metrics;
using PhoneBooking.SchedulingApi.BookingRequests;

namespace PhoneBooking.SchedulingApi.Observability;

/// <summary>Counters of the booking funnel, tagged by channel. Recorded after commit, so they count what happened.</summary>
public sealed class SchedulingMetrics
{
    public const string MeterName = "PhoneBooking.SchedulingApi";

    private readonly Counter<long> _requestsQueued;
    private readonly Counter<long> _offersMade;
    private readonly Counter<long> _offersExpired;
    private readonly Counter<long> _offersDeclined;
    private readonly Counter<long> _bookingsConfirmed;
    private readonly Counter<long> _bookingsCancelled;
    private readonly Counter<long> _groupVisitsScheduled;
    private readonly Counter<long> _facilitySignInFailures;
    private readonly Histogram<double> _matcherPassDuration;

    public SchedulingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _requestsQueued = meter.CreateCounter<long>("scheduling.requests.queued", "{request}", "Booking requests accepted (queued or awaiting eligibility).");
        _offersMade = meter.CreateCounter<long>("scheduling.offers.made", "{offer}", "Windows offered by the matcher.");
        _offersExpired = meter.CreateCounter<long>("scheduling.offers.expired", "{offer}", "Offers whose hold or delivery deadline ran out.");
        _offersDeclined = meter.CreateCounter<long>("scheduling.offers.declined", "{offer}", "Offers declined.");
        _bookingsConfirmed = meter.CreateCounter<long>("scheduling.bookings.confirmed", "{booking}", "Offers accepted.");
        _bookingsCancelled = meter.CreateCounter<long>("scheduling.bookings.cancelled", "{booking}", "Bookings cancelled.");
        _groupVisitsScheduled = meter.CreateCounter<long>("scheduling.group_visits.scheduled", "{visit}", "Group visits given a date.");
        _facilitySignInFailures = meter.CreateCounter<long>("scheduling.facilities.sign_in_failures", "{attempt}", "Wrong facility code or PIN.");
        _matcherPassDuration = meter.CreateHistogram<double>("scheduling.matcher.pass.duration", "s", "Time of one matcher pass.");
    }

    public void RequestQueued(Channel channel, RequestStatus status) =>
        _requestsQueued.Add(1, Tag(channel), new("status", Name(status)));

    public void OfferMade(Channel channel) => _offersMade.Add(1, Tag(channel));

    public void OfferExpired(Channel channel) => _offersExpired.Add(1, Tag(channel));

    public void OfferDeclined(Channel channel) => _offersDeclined.Add(1, Tag(channel));

    public void BookingConfirmed(Channel channel) => _bookingsConfirmed.Add(1, Tag(channel));

    public void BookingCancelled(Channel channel) => _bookingsCancelled.Add(1, Tag(channel));

    public void GroupVisitScheduled() => _groupVisitsScheduled.Add(1);

    public void FacilitySignInFailed() => _facilitySignInFailures.Add(1);

    public void MatcherPass(TimeSpan duration) => _matcherPassDuration.Record(duration.TotalSeconds);

    private static KeyValuePair<string, object?> Tag(Channel channel) => new("channel", Name(channel));

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
