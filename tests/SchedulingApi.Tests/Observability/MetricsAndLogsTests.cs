using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhoneBooking.SchedulingApi.Observability;

namespace PhoneBooking.SchedulingApi.Tests.Observability;

public sealed class MetricsAndLogsTests : ApiTest
{
    [Fact]
    public async Task Funnel_CountersRecordedForThisInstance()
    {
        var totals = new ConcurrentDictionary<string, long>();
        var meterFactory = Api.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                // Other tests run their own hosts in parallel: listen to this host's meter only.
                if (instrument.Meter.Name == SchedulingMetrics.MeterName && instrument.Meter.Scope == meterFactory)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value));
        listener.Start();

        var first = await Client.SubmitAsync(ApiCalls.BookingRequest(channel: "web"));
        var second = await Client.SubmitAsync();
        await Api.MatchAsync();
        await Client.AcceptAsync((await Client.OfferAsync(first.RequestId)).OfferId);
        await Client.DeclineAsync((await Client.OfferAsync(second.RequestId)).OfferId);
        await Api.MatchAsync();
        Api.Clock.Advance(TimeSpan.FromHours(2));
        await Api.MatchAsync();

        Assert.Equal(2, totals["scheduling.requests.queued"]);
        Assert.Equal(4, totals["scheduling.offers.made"]); // two, the declined one again, the expired one again
        Assert.Equal(1, totals["scheduling.offers.declined"]);
        Assert.Equal(1, totals["scheduling.offers.expired"]);
        Assert.Equal(1, totals["scheduling.bookings.confirmed"]);
    }

    [Fact]
    public async Task Logs_StructuredWithIds_NoPersonalData()
    {
        var accepted = await Client.SubmitAsync(ApiCalls.BookingRequest(contactPhone: "+14165550123"));
        await Api.MatchAsync();
        await Client.AcceptAsync((await Client.OfferAsync(accepted.RequestId)).OfferId);
        await Client.PostAsync("/v1/facilities/verify", new { facilityCode = TestSettings.FacilityCode, pin = "86420135" });

        var records = Api.Logs.Records;
        var queued = Assert.Single(records, r => r.EventId.Id == 10);
        Assert.Equal(accepted.RequestId, queued.Properties["RequestId"]);
        Assert.Contains(records, r => r.EventId.Id == 30 && Equals(r.Properties["RequestId"], accepted.RequestId));
        Assert.Contains(records, r => r.EventId.Id == 40 && r.Level == LogLevel.Warning);

        var everything = string.Join("\n", records.Select(r => r.Message + " " + string.Join(",", r.Properties.Values)));
        foreach (var secret in new[] { "1950-03-23", "Lovelace", "+14165550123", "4165550123", "1234-567-890", "86420135", TestSettings.FacilityCode })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }
}
