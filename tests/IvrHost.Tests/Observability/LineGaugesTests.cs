using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Deferred;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.IvrHost.Observability;
using PhoneBooking.IvrHost.Sessions;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.IvrHost.Tests.Voice;
using PhoneBooking.SchedulingClient.Contracts;
using ApiPartOfDay = PhoneBooking.SchedulingClient.Contracts.PartOfDay;
using ApiPreference = PhoneBooking.SchedulingClient.Contracts.Preference;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Observability;

/// <summary>
/// The line's sampled gauges read its real stores (on the run's provider: SQLite, or PostgreSQL with
/// <c>PHONEBOOKING_TEST_STORAGE</c>): calls in progress, the agents' queue by status, deferred requests and their age.
/// </summary>
public sealed class LineGaugesTests : IDisposable
{
    private readonly IvrHostFactory _line = new();

    public void Dispose() => _line.Dispose();

    [Fact]
    public async Task Gauges_AfterACallAHandoffAndADeferredRequest_ReportThem()
    {
        var meters = _line.Services.GetRequiredService<IMeterFactory>();
        using var ivr = new GaugeReader(meters, IvrMetrics.MeterName);
        using var handoffs = new GaugeReader(meters, HandoffMetrics.MeterName);
        using var deferred = new GaugeReader(meters, DeferredMetrics.MeterName);
        var call = new SignedWebhooks(_line.CreateClient(), SignedWebhooks.NewCallSid());
        await call.DialAsync();
        await _line.Services.GetRequiredService<IHandoffDesk>().RecordAsync(
            new CallSession { CallSid = "CA00000000000000000000000000000021", State = CallState.Agent, Handoff = HandoffReason.CallerAsked }, CallState.MainMenu, CancellationToken.None);
        await _line.Services.GetRequiredService<IDeferredRequestStore>().SaveAsync(
            "dk-gauge", "CA00000000000000000000000000000022",
            new BookingRequestSubmission(new Person(new DateOnly(1950, 3, 5), null, "1234-567-890-AB", "en-CA"), [new ApiPreference(ApiPartOfDay.Any)], Channel.Phone, "+14165550123", HoldStart.OnDelivery),
            CancellationToken.None);

        foreach (var gauges in new ServiceDefaults.ISampledGauges[]
        {
            _line.Services.GetRequiredService<ActiveCallGauge>(), _line.Services.GetRequiredService<HandoffGauges>(), _line.Services.GetRequiredService<DeferredGauges>(),
        })
        {
            await gauges.SampleAsync(CancellationToken.None);
        }

        Assert.Equal(1, ivr.Observe()["phonebooking.ivr.calls.active"]);
        var queue = handoffs.Observe();
        Assert.Equal((1, 0, 0), (queue["phonebooking.handoffs.open{status=waiting}"], queue["phonebooking.handoffs.open{status=claimed}"], queue["phonebooking.handoffs.open{status=callback_requested}"]));
        var waiting = deferred.Observe();
        Assert.Equal(1, waiting["phonebooking.deferred.pending"]);
        Assert.InRange(waiting["phonebooking.deferred.oldest_age"], 0, 120);
    }
}
