using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.IvrHost.Admission;
using PhoneBooking.IvrHost.Tests.Voice;

namespace PhoneBooking.IvrHost.Tests.Admission;

/// <summary>
/// The door watching this instance's webhooks: how many are being answered at once, and how long they took
/// lately (on the test's clock). Calls in progress are no limit here (Admission:MaxCallsInProgress is high).
/// </summary>
public sealed class AdmissionLoadTests
{
    private const string Busy = "Our line is very busy right now.";

    [Fact]
    public async Task WebhooksInFlightAtTheLimit_NewCallShed_ThenAdmittedOnceTheyFinish()
    {
        using var line = new LineDoor(new Dictionary<string, string?>
        {
            ["Admission:MaxCallsInProgress"] = "1000",
            ["Admission:MaxWebhooksInFlight"] = "2",
        });
        var load = line.Services.GetRequiredService<WebhookLoad>();

        string shed;
        using (load.Begin())
        using (load.Begin())
        {
            // Two webhooks of calls in the flow are still being answered: a third would queue behind them.
            shed = SignedWebhooks.Heard(await line.Call().DialAsync());
        }

        var admitted = SignedWebhooks.Heard(await line.Call().DialAsync());

        Assert.Contains(Busy, shed, StringComparison.Ordinal);
        Assert.DoesNotContain(Busy, admitted, StringComparison.Ordinal);
        Assert.Equal((1, 1), (line.Admitted, line.Shed("webhooks-in-flight")));
    }

    [Fact]
    public async Task RecentWebhooksSlow_NewCallShed_ThenAdmittedOnceTheWindowHasPassed()
    {
        using var line = new LineDoor(new Dictionary<string, string?>
        {
            ["Admission:MaxCallsInProgress"] = "1000",
            ["Admission:MaxWebhookLatency"] = "00:00:00.5",
            ["Admission:LatencyWindow"] = "00:00:05",
        });
        Answered(line, WebhookLoad.MinSamples, TimeSpan.FromMilliseconds(100));

        var fastEnough = SignedWebhooks.Heard(await line.Call().DialAsync());
        Answered(line, WebhookLoad.MinSamples, TimeSpan.FromSeconds(2));

        var shed = SignedWebhooks.Heard(await line.Call().DialAsync());
        line.Clock.Advance(TimeSpan.FromSeconds(6));
        var admitted = SignedWebhooks.Heard(await line.Call().DialAsync());

        Assert.DoesNotContain(Busy, fastEnough, StringComparison.Ordinal);
        Assert.Contains(Busy, shed, StringComparison.Ordinal);
        Assert.DoesNotContain(Busy, admitted, StringComparison.Ordinal);
        Assert.Equal((2, 1), (line.Admitted, line.Shed("webhook-latency")));
    }

    [Fact]
    public async Task FewSlowWebhooks_AreNoSurge_TheDoorStaysOpen()
    {
        using var line = new LineDoor(new Dictionary<string, string?>
        {
            ["Admission:MaxCallsInProgress"] = "1000",
            ["Admission:MaxWebhookLatency"] = "00:00:00.5",
        });
        Answered(line, WebhookLoad.MinSamples - 5, TimeSpan.FromSeconds(3));

        // A cold start or two is not a queue: fewer answers than MinSamples in the window say nothing.
        Assert.DoesNotContain(Busy, SignedWebhooks.Heard(await line.Call().DialAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoorDisabled_EveryNewCallAdmitted_EvenAboveTheLimits()
    {
        using var line = new LineDoor(new Dictionary<string, string?> { ["Admission:Enabled"] = "false" });

        foreach (var _ in Enumerable.Range(0, 3))
        {
            Assert.DoesNotContain(Busy, SignedWebhooks.Heard(await line.Call().DialAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(3, line.Admitted);
    }

    /// <summary><paramref name="count"/> webhooks answered at once, each taking <paramref name="took"/> on the test's clock.</summary>
    private static void Answered(LineDoor line, int count, TimeSpan took)
    {
        var load = line.Services.GetRequiredService<WebhookLoad>();
        var answering = Enumerable.Range(0, count).Select(_ => load.Begin()).ToList();
        line.Clock.Advance(took);
        answering.ForEach(timing => timing.Dispose());
    }
}
