using System.Net;
using PhoneBooking.IvrHost.AgentConsole.Incidents;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.IvrHost.Voice;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.AgentConsole;

public sealed class IncidentMessageTests
{
    private const string Message = "Our North York clinic is closed today because of a power cut.";

    [Fact]
    public async Task Supervisor_SetsTheMessage_TheNextCallHearsIt_ClearingIt_SilencesIt()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var sam = await ConsoleClient.SignedInAsync(host.App, "sam");
        Assert.DoesNotContain("power cut", await host.AnswerCallAsync("CA00000000000000000000000000000001"), StringComparison.Ordinal);

        using var set = await sam.PostAsync("/console/supervisor", "/console/supervisor?handler=Set", new() { ["Message"] = Message });
        var during = await host.AnswerCallAsync("CA00000000000000000000000000000002");
        using var clear = await sam.PostAsync("/console/supervisor", "/console/supervisor?handler=Clear", []);
        var after = await host.AnswerCallAsync("CA00000000000000000000000000000003");

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Contains("power cut", during, StringComparison.Ordinal);
        Assert.DoesNotContain("power cut", after, StringComparison.Ordinal);
        Assert.Equal(["incident-set", "incident-clear"], (await host.AuditAsync()).Where(a => a.Action.StartsWith("incident", StringComparison.Ordinal)).Select(a => a.Action));
        Assert.Contains("No incident message. Cleared by sam", await sam.PageAsync("/console/supervisor"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("line one\nline two")]
    public async Task Supervisor_UnusableMessage_Returns400_AndChangesNothing(string message)
    {
        await using var host = await ConsoleHost.StartAsync();
        using var sam = await ConsoleClient.SignedInAsync(host.App, "sam");

        using var response = await sam.PostAsync("/console/supervisor", "/console/supervisor?handler=Set", new() { ["Message"] = message });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("role=\"alert\"", await ConsoleClient.TextAsync(response), StringComparison.Ordinal);
        Assert.Null(host.Service<StoredIncidentBoard>().Notice);
    }

    [Fact]
    public async Task Supervisor_TooLongMessage_Returns400()
    {
        await using var host = await ConsoleHost.StartAsync();
        using var sam = await ConsoleClient.SignedInAsync(host.App, "sam");

        using var response = await sam.PostAsync("/console/supervisor", "/console/supervisor?handler=Set", new() { ["Message"] = new string('a', StoredIncidentBoard.MaxLength + 1) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Configuration_IsTheFallback_UntilASupervisorSetsOrClearsIt()
    {
        await using var host = await ConsoleHost.StartAsync(new Dictionary<string, string?> { ["Line:IncidentMessage"] = "Configured notice." });
        var board = host.Service<IIncidentBoard>();
        Assert.IsType<StoredIncidentBoard>(board);
        Assert.Equal("Configured notice.", board.Current);

        await host.Service<StoredIncidentBoard>().SetAsync(null, "sam", CancellationToken.None);

        Assert.Null(board.Current);
    }

    [Fact]
    public async Task AnotherInstance_SetsIt_ThisOneServesIt_WithinTheCacheTtl()
    {
        using var shared = new TempDirectory();
        var clock = new ManualTimeProvider();
        var ttl = new Dictionary<string, string?> { ["AgentConsole:IncidentCacheTtl"] = "00:00:05" };
        await using var first = await ConsoleHost.StartAsync(ttl, clock, dataDirectory: shared.Path);
        await using var second = await ConsoleHost.StartAsync(ttl, clock, dataDirectory: shared.Path);
        var seenBySecond = second.Service<IIncidentBoard>();
        Assert.Null(seenBySecond.Current);

        await first.Service<StoredIncidentBoard>().SetAsync(Message, "sam", CancellationToken.None);
        var stale = seenBySecond.Current;
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Null(stale);
        Assert.Equal(Message, seenBySecond.Current);
        Assert.Equal(Message, first.Service<IIncidentBoard>().Current);
    }
}
