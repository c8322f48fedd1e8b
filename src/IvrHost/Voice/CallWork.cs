using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.SchedulingClient;
using Api = PhoneBooking.SchedulingClient.Contracts;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>
/// Does the work a task state asks for — the scheduling API, the callback queue, SMS — and
/// reports it as an <see cref="Outcome"/> the machine understands. Every write carries an
/// idempotency key made of the call and the step, so a retried or replayed webhook, or a
/// restart mid-call, never creates a second request or booking.
/// </summary>
public sealed class CallWork(ISchedulingClient api, ICallbackRequests callbacks, IDeferredRequests deferred, IBookingTexts texts, CallSessions sessions)
{
    private const string Origin = "phone";

    public async Task<Outcome> PerformAsync(CallSession s, CancellationToken ct) => s.State switch
    {
        CallState.CheckEligibility => Map(
            await api.CheckEligibilityAsync(new Api.EligibilityQuery(Required.Value(s.BirthDate)), ct),
            e => new EligibilityChecked(e.Eligible, e.OpensOn)),

        CallState.SubmitRequest => Map(
            await api.SubmitBookingRequestAsync(Submission(s), SubmitKey(s), ct),
            r => new RequestSubmitted(r.RequestId, r.QueuePosition)),

        CallState.VerifyCaller => await sessions.VerifyResumableAsync(Required.Value(s.ResumableCallSid), Required.Value(s.BirthDate), ct) is { } previous
            ? new CallerVerified(previous)
            : new CallerNotVerified(),

        CallState.RefuseResume => await Refuse(Required.Value(s.ResumableCallSid), ct),

        CallState.CheckStatus or CallState.ResumeStatus => Map(
            await api.GetBookingRequestAsync(Required.Value(s.RequestId), ct),
            Status),

        CallState.StartHold => Map(
            await api.StartHoldAsync(Required.Value(s.Offer).OfferId, Key(s, "hold", s.Offer!.OfferId), ct),
            o => new HoldStarted(ToOffer(o))),

        CallState.AcceptOffer => Map(
            await api.AcceptOfferAsync(Required.Value(s.Offer).OfferId, Key(s, "accept", s.Offer!.OfferId), ct),
            a => new OfferAccepted(ToBooking(a.Booking))),

        CallState.DeclineOffer => Map(
            await api.DeclineOfferAsync(Required.Value(s.Offer).OfferId, Key(s, "decline", s.Offer!.OfferId), ct),
            d => new OfferDeclined(Requeued: d.RequestStatus == Api.RequestStatus.Queued)),

        CallState.LookupBooking => Map(
            await api.LookUpBookingAsync(Lookup(s), ct),
            b => new BookingFound(ToBooking(b))),

        CallState.CancelBooking => Map(
            await api.CancelBookingAsync(Lookup(s), Key(s, "cancel", s.LookupCode!), ct),
            b => new BookingCancelled(ToBooking(b))),

        CallState.VerifyFacility => Map(
            await api.VerifyFacilityAsync(new Api.FacilityCredentials(Required.Value(s.FacilityCode), Required.Value(s.FacilityPin)), ct),
            f => new FacilityVerified(f.SpokenName)),

        CallState.SubmitGroupVisit => Map(
            await api.SubmitGroupVisitAsync(GroupVisit(s), Key(s, "group-visit", $"try-{s.FacilityAttempts}"), ct),
            g => new GroupVisitSubmitted(g.Reference)),

        CallState.SaveReminder => await callbacks.SaveAsync(CallbackRequest.Reminder(s), ct),
        CallState.SaveOfferCallback => await callbacks.SaveAsync(CallbackRequest.ForOffer(s), ct),
        CallState.SaveBusyCallback => await callbacks.SaveAsync(CallbackRequest.WhenLineHasRoom(s), ct),
        CallState.SaveDeferredRequest => await deferred.SaveAsync(s, ct),
        CallState.SendSms => await texts.SendConfirmationAsync(s, ct) switch
        {
            TextOutcome.Sent => new SmsResult(Sent: true),
            TextOutcome.Refused => new SmsRefused(AlreadySent: false),
            TextOutcome.AlreadySent => new SmsRefused(AlreadySent: true),
            _ => new SmsResult(Sent: false),
        },

        _ => throw new InvalidOperationException($"State {s.State} has no work."),
    };

    /// <summary>Expected answers become outcomes the flow can speak; a backend failure becomes a handoff.</summary>
    private static Outcome Map<T>(SchedulingResult<T> result, Func<T, Outcome> onSuccess) => result.Outcome switch
    {
        SchedulingOutcome.Success => onSuccess(result.Value!),
        SchedulingOutcome.NotFound => new NotFound(),
        SchedulingOutcome.DuplicateRequest => new DuplicateRequest(),
        SchedulingOutcome.OfferExpired or SchedulingOutcome.OfferDecided => new OfferGone(),
        SchedulingOutcome.BookingCancelled => new AlreadyCancelled(),
        SchedulingOutcome.FacilityCredentialsInvalid => new FacilityRejected(result.Problem?.AttemptsRemaining ?? 0),
        SchedulingOutcome.FacilityLocked => new FacilityLocked(),
        SchedulingOutcome.BackendFailure => new BackendFailed(result.Failure!.Reason.ToString()),
        _ => new BackendFailed($"unexpected {result.Outcome}"),
    };

    private static Outcome Status(Api.BookingRequestStatus r) => r.Status switch
    {
        Api.RequestStatus.Offered when r.Offer is { Status: Api.OfferStatus.Pending } offer =>
            new StatusChecked(RequestProgress.Offered, null, ToOffer(offer), null),
        Api.RequestStatus.Booked when r.Booking is { } booking =>
            new StatusChecked(RequestProgress.Booked, null, null, ToBooking(booking)),
        Api.RequestStatus.Closed or Api.RequestStatus.Cancelled =>
            new StatusChecked(RequestProgress.Closed, null, null, null),
        _ => new StatusChecked(RequestProgress.Waiting, r.QueuePosition, null, null),
    };

    private async Task<Outcome> Refuse(string callSid, CancellationToken ct)
    {
        await sessions.RefuseResumeAsync(callSid, ct);
        return new Saved();
    }

    private static IdempotencyKey Key(CallSession s, string step, params string[] qualifiers) =>
        IdempotencyKey.For(Origin, s.CallSid, step, qualifiers);

    /// <summary>The submit's key: also what a request saved while the backend was down is submitted with later.</summary>
    public static IdempotencyKey SubmitKey(CallSession s) => Key(s, "submit", $"person-{s.Person}");

    /// <summary>What the phone line submits for this session (now, or later when it was saved while the backend was down).</summary>
    public static Api.BookingRequestSubmission Submission(CallSession s) => new(
        new Api.Person(Required.Value(s.BirthDate), Name: null, HealthCardNumber: null, s.Locale),
        [.. s.Preferences.Select(p => new Api.Preference(ToApi(p.PartOfDay), p.Date))],
        Api.Channel.Phone,
        Required.Value(s.CallbackNumber),
        Api.HoldStart.OnDelivery);

    private static Api.GroupVisitSubmission GroupVisit(CallSession s) => new(
        Required.Value(s.FacilityCode), Required.Value(s.FacilityPin), Required.Value(s.Residents), s.StaffCount ?? 0,
        s.GroupDates, Required.Value(s.CallbackNumber ?? s.CallerId), s.Locale);

    private static Api.BookingLookup Lookup(CallSession s) => new(Required.Value(s.LookupCode), Required.Value(s.BirthDate));

    private static Api.PartOfDay ToApi(PartOfDay part) => part switch
    {
        PartOfDay.Morning => Api.PartOfDay.Morning,
        PartOfDay.Afternoon => Api.PartOfDay.Afternoon,
        PartOfDay.Evening => Api.PartOfDay.Evening,
        _ => Api.PartOfDay.Any,
    };

    private static OfferInfo ToOffer(Api.Offer o) =>
        new(o.OfferId, o.SiteId, o.SpokenSiteName, o.WindowStart, o.WindowEnd, o.HoldMinutes, o.HoldStartedAt is null ? null : o.ExpiresAt);

    private static BookingInfo ToBooking(Api.Booking b) =>
        new(b.ConfirmationCode, b.SiteId, b.SpokenSiteName, b.WindowStart, b.WindowEnd, b.Status == Api.BookingStatus.Cancelled);
}
