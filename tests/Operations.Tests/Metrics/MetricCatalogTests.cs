using System.Text.RegularExpressions;
using PhoneBooking.Operations.Tests.Prometheus;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Testing;

namespace PhoneBooking.Operations.Tests.Metrics;

/// <summary>
/// The names operators rely on are the names the code emits: the exporter writes nothing of ours the
/// catalog does not know (so the translation is right), and the alert rules read only declared metrics.
/// </summary>
[Collection(MetricCatalogCollection.Name)]
public sealed partial class MetricCatalogTests(MetricCatalog catalog)
{
    [Fact]
    public async Task Scrape_AfterACall_WritesOnlyCatalogNames_AndTheSloInstruments()
    {
        using var phone = new SoftphoneEngine();
        var run = await phone.RunScriptAsync(
            new DialRequest { VoiceUrl = new Uri(catalog.Line.BaseAddress, "voice"), StatusCallbackUrl = new Uri(catalog.Line.BaseAddress, "voice/status") },
            CallScript.Empty.HangUp());
        Assert.True(run.Verdict.Passed, run.Verdict.ToString());

        using var http = new HttpClient();
        var exported = new HashSet<string>(StringComparer.Ordinal);
        string[] awaited = ["phonebooking_callbacks_due", "scheduling_queue_requests", "phonebooking_ivr_calls_completed_total"];
        var waited = Eventually.HoldsAsync(
            async () =>
            {
                exported.Clear();
                foreach (var host in new[] { catalog.Line.BaseAddress, catalog.Api.BaseAddress })
                {
                    exported.UnionWith(Sample().Matches(await http.GetStringAsync(new Uri(host, "metrics"))).Select(m => m.Groups["name"].Value));
                }

                // Sampled gauges appear once their first sample is in; the call's counters once its status callback came.
                return awaited.All(exported.Contains);
            },
            "the call's and the gauges' series in the scrapes");
        await waited.ContinueWith(_ => { }, TaskScheduler.Default);
        Assert.True(awaited.All(exported.Contains), $"missing {string.Join(", ", awaited.Where(a => !exported.Contains(a)))} from {string.Join(", ", exported.Order())}");

        var ours = exported.Where(name => name.StartsWith("phonebooking_", StringComparison.Ordinal) || name.StartsWith("scheduling_", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(ours, name => !catalog.Names.Contains(name));
        foreach (var expected in new[]
        {
            "phonebooking_ivr_webhook_duration_seconds_bucket", "phonebooking_ivr_calls_started_total", "phonebooking_ivr_calls_active",
            "phonebooking_health_check_state", "scheduling_client_backend_health", "phonebooking_dialer_lag_seconds",
            "phonebooking_handoffs_open", "phonebooking_deferred_pending", "phonebooking_deferred_oldest_age_seconds", "scheduling_queue_oldest_age_seconds",
        })
        {
            Assert.Contains(expected, exported);
        }
    }

    [Fact]
    public void AlertRules_ReadOnlyDeclaredMetrics()
    {
        Assert.Empty(PromQl.UnknownMetrics(catalog, RuleFiles.Expressions()));
    }

    [Fact]
    public void SloInstruments_AreDeclared()
    {
        foreach (var name in new[]
        {
            "phonebooking_ivr_webhook_duration_seconds_bucket", "phonebooking_ivr_journeys_total", "phonebooking_dialer_offer_callback_delay_seconds_bucket",
            "phonebooking_ivr_agent_queue_wait_seconds_bucket", "phonebooking_callbacks_due", "scheduling_queue_requests",
        })
        {
            Assert.Contains(name, catalog.Names);
        }
    }

    [Fact]
    public void AwaitedNames_AreNotDeclaredYet()
    {
        var arrived = MetricCatalog.Awaited.Where(catalog.Names.Contains).ToList();

        Assert.True(arrived.Count == 0, $"Now declared by the code: {string.Join(", ", arrived)}. Remove them from MetricCatalog.Awaited.");
    }

    /// <summary>A sample line of the text format: the metric name before its labels or value.</summary>
    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
