using PhoneBooking.SchedulingClient.Tests.Support;
using PhoneBooking.Testing;

namespace PhoneBooking.SchedulingClient.Tests.Resilience;

public sealed class RetryAfterTests : IAsyncLifetime
{
    private const string Sites = "GET /v1/sites";
    private readonly ManualTimeProvider _clock = new();
    private ApiStub _server = null!;
    private ClientHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _server = await ApiStub.StartAsync();
        _harness = ClientHarness.Create(_server.BaseAddress, time: _clock);
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task Get_RetryAfterWithinBudget_WaitsThatLongOnTheClockBeforeRetrying(int status)
    {
        _server.Script(Sites, Fault.Status(status, retryAfterSeconds: 2), Fault.Json("[]"));

        var call = _harness.Client.GetSitesAsync();
        await _server.WaitForArrivalAsync();
        var waited = await _clock.AdvanceUntilAsync(() => _server.CountOf(Sites) == 2, TimeSpan.FromMilliseconds(100), limit: TimeSpan.FromSeconds(3));
        var result = await call;

        Assert.True(result.IsSuccess, result.ToString());
        Assert.True(waited >= TimeSpan.FromSeconds(2), $"retried after {waited}, before the 2 s Retry-After");
        var retry = Assert.Single(_harness.Logs.Records, r => r.EventId.Id == 3001);
        Assert.Equal(2000d, retry.Properties["DelayMs"]);
    }
}
