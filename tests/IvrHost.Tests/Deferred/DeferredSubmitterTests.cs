using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Deferred;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.IvrHost.Tests.Voice;
using PhoneBooking.SchedulingClient.Contracts;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Deferred;

/// <summary>
/// Requests saved while the API was down are sent when it is back, with the key they would have had:
/// exactly once at the API's door however the line restarts, and each with its offer call back.
/// </summary>
public sealed class DeferredSubmitterTests : FaultyApiTest
{
    private const string BookingRequests = "POST /v1/booking-requests";

    [Fact]
    public async Task ApiRecovers_SavedRequestSentOnceWithItsKey_ThenTheOfferCallBackIsSaved()
    {
        await using var line = LineWithFaultyApi.Start(Api, Data.Path);
        using var metrics = new MetricRecorder(line.Services.GetRequiredService<IMeterFactory>(), DeferredMetrics.MeterName);
        var key = await SaveWhileDownAsync(line);

        await line.RecoverAsync();
        var submitted = await SubmittedAsync(line, key);

        var sent = Assert.Single(Api.Received, r => r.Route == BookingRequests);
        Assert.Equal(key, sent.IdempotencyKey);
        Assert.Contains("\"birthDate\":\"1950-03-05\"", sent.Body, StringComparison.Ordinal);
        Assert.Equal(LineWithFaultyApi.RequestIdFor(key), submitted.RequestId);
        var callback = await OfferCallbackAsync(line, submitted);
        Assert.Equal((CallbackKind.Offer, "+14165550123", "en-CA", submitted.RequestId), (callback.Kind, callback.Phone, callback.Locale, callback.RequestId));

        var again = await line.Services.GetRequiredService<DeferredSubmitter>().SubmitPendingAsync(CancellationToken.None);
        Assert.Equal(new DeferredPass("done", 0, 0), again);
        Assert.Equal(1, Api.CountOf(BookingRequests));
        Assert.Equal(1, metrics.Sum("phonebooking.deferred.submissions", "outcome", "submitted"));
    }

    [Fact]
    public async Task SubmitterLogs_CarryIdsOnly_NeverTheNumberOrTheBirthDate()
    {
        await using var line = LineWithFaultyApi.Start(Api, Data.Path);
        var key = await SaveWhileDownAsync(line);
        await line.RecoverAsync();
        await SubmittedAsync(line, key);

        var events = line.Logs.Records.Where(r => r.Category == typeof(DeferredSubmitter).FullName).ToList();
        var submitted = Assert.Single(events, r => r.EventId.Name == "DeferredSubmitted");
        Assert.Contains(key, submitted.Message, StringComparison.Ordinal);
        Assert.All(events, r => Assert.DoesNotMatch("4165550123|1950|416 555", r.Message));
    }

    [Fact]
    public async Task ManyWaiting_MoreThanOneBatch_EverySentOnceInTheOrderTheyCame()
    {
        await using var line = LineWithFaultyApi.Start(Api, Data.Path, settings: new Dictionary<string, string?> { ["Deferred:BatchSize"] = "2" });
        await line.GoDownAsync();
        var keys = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var call = line.NewCall($"+1416555017{i}");
            await Caller.DeferredRequestAsync(call);
            keys.Add(Caller.SubmitKey(call));
            line.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await line.RecoverAsync();
        foreach (var key in keys)
        {
            await SubmittedAsync(line, key);
        }

        Assert.Equal(keys, Api.Received.Where(r => r.Route == BookingRequests).Select(r => r.IdempotencyKey));
    }

    [Fact]
    public async Task Restart_SavedBeforeIt_SentExactlyOnceByTheNextStart_AndNeverAgain()
    {
        string key;
        await using (var first = LineWithFaultyApi.Start(Api, Data.Path))
        {
            key = await SaveWhileDownAsync(first);
        }

        Api.Script(LineWithFaultyApi.ReadinessProbe, LineWithFaultyApi.Ready);
        await using (var second = LineWithFaultyApi.Start(Api, Data.Path))
        {
            await SubmittedAsync(second, key);
        }

        await using (var third = LineWithFaultyApi.Start(Api, Data.Path))
        {
            await Eventually.HoldsAsync(() => third.Logs.Records.Any(r => r.EventId.Name == "DeferredPassCompleted"), "the third start looked at what is pending");
        }

        Assert.Equal(1, Api.CountOf(BookingRequests));
    }

    [Fact]
    public async Task CrashAfterTheApiTookIt_NextStartResendsTheSameKey_OneRequestOneCallBack()
    {
        string key;
        await using (var first = LineWithFaultyApi.Start(Api, Data.Path))
        {
            key = await SaveWhileDownAsync(first);
            Api.Script(BookingRequests, Fault.Hang());
            await first.RecoverAsync();
            await Eventually.HoldsAsync(() => Api.CountOf(BookingRequests) == 1, "the request reached the API");
        }

        // The API took it; its answer never came back before the line stopped. Pending still:
        Api.Script(BookingRequests, LineWithFaultyApi.Accepted);
        await using var second = LineWithFaultyApi.Start(Api, Data.Path);
        var submitted = await SubmittedAsync(second, key);

        Assert.All(Api.Received.Where(r => r.Route == BookingRequests), r => Assert.Equal(key, r.IdempotencyKey));
        Assert.Equal(2, Api.CountOf(BookingRequests));
        Assert.Equal(LineWithFaultyApi.RequestIdFor(key), submitted.RequestId);
        await OfferCallbackAsync(second, submitted);
    }

    [Fact]
    public async Task StillDown_NothingIsSent_NotEvenWhenTheRetryTimerFires()
    {
        await using var line = LineWithFaultyApi.Start(Api, Data.Path);
        var key = await SaveWhileDownAsync(line);

        line.Clock.Advance(TimeSpan.FromMinutes(5));
        var pass = await line.Services.GetRequiredService<DeferredSubmitter>().SubmitPendingAsync(CancellationToken.None);

        Assert.Equal("backend-down", pass.Ending);
        Assert.Equal(0, Api.CountOf(BookingRequests));
        Assert.Equal(DeferredStatus.Pending, (await StoreOf(line).GetAsync(key, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ApiFailsTheSubmit_RequestStaysPending_AndTheRetryTimerSendsIt()
    {
        Api.Script(BookingRequests, Fault.Status(503));
        await using var line = LineWithFaultyApi.Start(Api, Data.Path);
        var key = await SaveWhileDownAsync(line);
        await line.RecoverAsync();
        await Eventually.HoldsAsync(() => line.Logs.Records.Any(r => r.EventId.Name == "DeferredStillFailing"), "the submit failed");
        Assert.Equal(DeferredStatus.Pending, (await StoreOf(line).GetAsync(key, CancellationToken.None))!.Status);

        Api.Script(BookingRequests, LineWithFaultyApi.Accepted);

        // A pass may still hold the request when the clock first moves (seen under load): each retry tick gets its turn.
        await line.Clock.AdvanceUntilAsync(() => SubmitLogged(line, key), step: TimeSpan.FromMinutes(1), limit: TimeSpan.FromMinutes(10));
        await SubmittedAsync(line, key);
    }

    [Theory]
    [InlineData(400, "validation", ""","errors":{"preferences[0].date":["in the past"]}""")]
    [InlineData(409, "duplicate-request", "")] // the person booked another way while the API was down: not a failure to retry for ever
    public async Task ApiRefusesItForGood_MarkedRejected_AndAPersonCallsBack(int status, string slug, string extensions)
    {
        Api.Script(BookingRequests, Fault.Problem(status, slug, extensions));
        await using var line = LineWithFaultyApi.Start(Api, Data.Path);
        var key = await SaveWhileDownAsync(line);

        await line.RecoverAsync();
        await Eventually.HoldsAsync(async () => (await StoreOf(line).GetAsync(key, CancellationToken.None))!.Status == DeferredStatus.Rejected, "the request is rejected");

        var request = (await StoreOf(line).GetAsync(key, CancellationToken.None))!;
        var callback = await line.Services.GetRequiredService<ICallbackRequests>()
            .GetAsync($"{request.CallSid}-agent-{key.Replace(':', '-')}", CancellationToken.None);
        Assert.Equal((CallbackKind.Agent, "+14165550123"), (callback!.Request.Kind, callback.Request.Phone));
    }

    [Fact]
    public async Task AgentBooking_SavedWhileDown_IsSentButGetsNoOfferCallBack()
    {
        await using var line = LineWithFaultyApi.Start(Api, Data.Path);
        await line.GoDownAsync();
        var key = SchedulingClient.IdempotencyKey.For("agent", "handoff-1", "book").Value;
        var submission = new BookingRequestSubmission(
            new Person(new DateOnly(1950, 3, 5), "Ada", null, "fr-CA"), [new Preference(PartOfDay.Any)], Channel.Agent, "+14165550123", HoldStart.OnDelivery);
        await StoreOf(line).SaveAsync(key, "CA0123", submission, CancellationToken.None);

        await line.RecoverAsync();
        var submitted = await SubmittedAsync(line, key);

        var open = await line.Services.GetRequiredService<ICallbackRequests>().ListAsync(CallbackFilter.All, 100, CancellationToken.None);
        Assert.DoesNotContain(open, c => c.Request.RequestId == submitted.RequestId);
    }

    private static IDeferredRequestStore StoreOf(LineWithFaultyApi line) => line.Services.GetRequiredService<IDeferredRequestStore>();

    /// <summary>The backend goes down, a caller asks to be called back when it works: the request is saved, not sent.</summary>
    private static async Task<string> SaveWhileDownAsync(LineWithFaultyApi line)
    {
        await line.GoDownAsync();
        var call = line.NewCall();
        await Caller.DeferredRequestAsync(call);
        var key = Caller.SubmitKey(call);
        Assert.Equal(DeferredStatus.Pending, (await StoreOf(line).GetAsync(key, CancellationToken.None))?.Status);
        return key;
    }

    /// <summary>
    /// Until the submitter is done with the request: its last step is the DeferredSubmitted log event, after the mark in
    /// the store and the metric (a test reading those as soon as the store says "submitted" would race it).
    /// </summary>
    private static async Task<DeferredRequest> SubmittedAsync(LineWithFaultyApi line, string key)
    {
        await Eventually.HoldsAsync(() => SubmitLogged(line, key), "the submitter logged the deferred request as submitted");
        var submitted = (await StoreOf(line).GetAsync(key, CancellationToken.None))!;
        Assert.Equal(DeferredStatus.Submitted, submitted.Status);
        return submitted;
    }

    private static bool SubmitLogged(LineWithFaultyApi line, string key) =>
        line.Logs.Records.Any(r => r.EventId.Name == "DeferredSubmitted" && r.Message.Contains(key, StringComparison.Ordinal));

    private static async Task<CallbackRequest> OfferCallbackAsync(LineWithFaultyApi line, DeferredRequest submitted)
    {
        var callbacks = await line.Services.GetRequiredService<ICallbackRequests>().ListAsync(CallbackFilter.All, 100, CancellationToken.None);
        return Assert.Single(callbacks, c => c.Request.Kind == CallbackKind.Offer && c.Request.CallSid == submitted.CallSid).Request;
    }
}
