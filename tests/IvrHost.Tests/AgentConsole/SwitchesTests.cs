using System.Net;
using Dapper;
using PhoneBooking.IvrHost.AgentConsole.Switches;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.IvrHost.Tests.Storage;
using PhoneBooking.IvrHost.Tests.Voice;
using PhoneBooking.IvrHost.Voice;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.AgentConsole;

/// <summary>
/// Switches end to end: a supervisor turns a feature off on one line instance, the other instance on the
/// same database applies it within its refresh, callers there hear what they get instead, the change is
/// audited and survives a restart; turning it back on restores the flow.
/// </summary>
public sealed class SwitchesTests
{
    private static readonly Dictionary<string, string?> FastRefresh = new() { ["AgentConsole:SwitchRefreshInterval"] = "00:00:00.200" };

    [Fact]
    public async Task NewBookingsOff_OnOneInstance_TheOtherSaysPaused_CheckingStillWorks_ThenOnAgain()
    {
        using var shared = new TempDirectory();
        await using var first = await ConsoleHost.StartAsync(FastRefresh, dataDirectory: shared.Path);
        await using var second = await ConsoleHost.StartAsync(FastRefresh, dataDirectory: shared.Path);
        using var sam = await ConsoleClient.SignedInAsync(first.App, "sam");

        using var off = await sam.PostAsync("/console/supervisor", "/console/supervisor?handler=Switch", new() { ["feature"] = "NewBookings", ["state"] = "off" });
        await Eventually.HoldsAsync(() => Task.FromResult(second.Service<ILineSwitchBoard>().Current.IsOff(LineFeature.NewBookings)), "the second instance sees new bookings off");
        var (paused, check) = await BookThenCheckAsync(second);
        using var on = await sam.PostAsync("/console/supervisor", "/console/supervisor?handler=Switch", new() { ["feature"] = "NewBookings", ["state"] = "on" });
        await Eventually.HoldsAsync(() => Task.FromResult(!second.Service<ILineSwitchBoard>().Current.IsOff(LineFeature.NewBookings)), "the second instance sees new bookings on");
        var (booking, _) = await BookThenCheckAsync(second);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (off.StatusCode, on.StatusCode));
        Assert.Contains("new bookings by phone are paused", paused, StringComparison.Ordinal);
        Assert.Contains("To book a vaccine, press 1", paused, StringComparison.Ordinal); // the menu again
        Assert.Contains("confirmation code", check, StringComparison.Ordinal);
        Assert.DoesNotContain("paused", booking, StringComparison.Ordinal);
        Assert.Contains("date of birth", booking, StringComparison.Ordinal);
        Assert.Equal([("sam", "switch-off", "new_bookings"), ("sam", "switch-on", "new_bookings")], await SwitchAuditAsync(shared.Path));
    }

    [Fact]
    public async Task SwitchOff_SurvivesARestart_AndTheConsoleShowsWhoAndWhen()
    {
        using var shared = new TempDirectory();
        await using (var before = await ConsoleHost.StartAsync(FastRefresh, dataDirectory: shared.Path))
        {
            await before.Service<StoredSwitchBoard>().SetAsync(LineFeature.Texts, off: true, "sam", CancellationToken.None);
        }

        await using var after = await ConsoleHost.StartAsync(FastRefresh, dataDirectory: shared.Path);
        using var sam = await ConsoleClient.SignedInAsync(after.App, "sam");

        await Eventually.HoldsAsync(() => Task.FromResult(after.Service<ILineSwitchBoard>().Current.IsOff(LineFeature.Texts)), "texts still off after the restart");
        var page = await sam.PageAsync("/console/supervisor");
        Assert.Contains("by sam", page[page.IndexOf("id=\"switch-Texts\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("data-off=\"true\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bogus", "off")]
    [InlineData("NewBookings", "maybe")]
    [InlineData("", "off")]
    [InlineData("99", "off")]
    public async Task Switch_UnknownFeatureOrState_Is400_AndChangesNothing(string feature, string state)
    {
        await using var host = await ConsoleHost.StartAsync(FastRefresh);
        using var sam = await ConsoleClient.SignedInAsync(host.App, "sam");

        using var response = await sam.PostAsync("/console/supervisor", "/console/supervisor?handler=Switch", new() { ["feature"] = feature, ["state"] = state });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Service<ILineSwitchBoard>().Current.Off);
        Assert.DoesNotContain(await host.AuditAsync(), a => a.Action.StartsWith("switch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Agent_CannotSwitch_Gets403()
    {
        await using var host = await ConsoleHost.StartAsync(FastRefresh);
        using var alice = await ConsoleClient.SignedInAsync(host.App, "alice");

        using var response = await alice.PostAsync("/console", "/console/supervisor?handler=Switch", new() { ["feature"] = "Callbacks", ["state"] = "off" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Service<ILineSwitchBoard>().Current.Off);
    }

    /// <summary>The switch rows of the audit, read from the shared database (SQLite file or PostgreSQL) as an operator would.</summary>
    private static async Task<List<(string Agent, string Action, string? Reference)>> SwitchAuditAsync(string dataDirectory)
    {
        await using var connection = LineTestStorage.OpenRaw(dataDirectory);
        return [.. await connection.QueryAsync<(string, string, string?)>("SELECT agent, action, reference FROM agent_audit WHERE action LIKE 'switch%' ORDER BY id")];
    }

    /// <summary>A new call on <paramref name="host"/>: English, then 1 (book); a second call: English, then 2 (check a booking).</summary>
    private static async Task<(string Book, string Check)> BookThenCheckAsync(ConsoleHost host)
    {
        var booking = new SignedWebhooks(host.App.CreateClient(), SignedWebhooks.NewCallSid());
        await booking.DialAsync();
        await booking.PressAsync("1");
        var book = SignedWebhooks.Heard(await booking.PressAsync("1"));
        var checking = new SignedWebhooks(host.App.CreateClient(), SignedWebhooks.NewCallSid());
        await checking.DialAsync();
        await checking.PressAsync("1");
        return (book, SignedWebhooks.Heard(await checking.PressAsync("2")));
    }
}
