using PhoneBooking.SchedulingClient.Tests.Support;
using PhoneBooking.Testing;

namespace PhoneBooking.SchedulingClient.Tests.Resilience;

/// <summary>
/// The API sheds load with 503 <c>overloaded</c>. Retrying at once would add to the overload it
/// reports, so the client answers Overloaded after that one attempt and leaves any second try to the
/// call flow (after a "one moment"); the breaker still counts it, so a backend that sheds most of its
/// work gets a rest.
/// </summary>
public sealed class ShedAnswerTests : IAsyncLifetime
{
    private const string Sites = "GET /v1/sites";
    private ApiStub _server = null!;

    public async Task InitializeAsync() => _server = await ApiStub.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Get_Shed_OverloadedAfterOneAttemptThoughTheBudgetAllowsMore()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress);
        _server.Script(Sites, Overloaded(), Fault.Json("[]"));

        var result = await harness.Client.GetSitesAsync();

        Assert.Equal(BackendFailureReason.Overloaded, result.Failure?.Reason);
        Assert.Equal(1, _server.CountOf(Sites));
        Assert.DoesNotContain(harness.Logs.Records, r => r.EventId.Id == 3001);
    }

    [Fact]
    public async Task Get_Plain503WithoutTheOverloadedType_StillRetried()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress);
        _server.Script(Sites, Fault.Problem(503, "unavailable"), Fault.Json("[]"));

        var result = await harness.Client.GetSitesAsync();

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(2, _server.CountOf(Sites));
    }

    [Fact]
    public async Task Shed_Repeatedly_OpensTheBreaker()
    {
        await using var harness = ClientHarness.Create(_server.BaseAddress, settings: s =>
        {
            s["Scheduling:BreakerMinimumThroughput"] = "4";
            s["Scheduling:BreakerFailureRatio"] = "0.5";
        });
        _server.Script(Sites, Overloaded(), Overloaded(), Overloaded(), Overloaded(), Fault.Json("[]"));

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(BackendFailureReason.Overloaded, (await harness.Client.GetSitesAsync()).Failure?.Reason);
        }

        var refused = await harness.Client.GetSitesAsync();

        Assert.Equal(BackendFailureReason.CircuitOpen, refused.Failure?.Reason);
        Assert.Equal(4, _server.CountOf(Sites));
    }

    private static Fault Overloaded() => Fault.Problem(503, "overloaded", ""","retryAfterSeconds":1""");
}
