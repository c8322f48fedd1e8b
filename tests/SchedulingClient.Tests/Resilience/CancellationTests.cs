using PhoneBooking.SchedulingClient.Tests.Support;
using PhoneBooking.Testing;

namespace PhoneBooking.SchedulingClient.Tests.Resilience;

public sealed class CancellationTests
{
    [Fact]
    public async Task CallersToken_CancelledMidCall_Propagates()
    {
        await using var server = await ApiStub.StartAsync();
        server.Script("GET /v1/sites", Fault.Hang());
        await using var harness = ClientHarness.Create(server.BaseAddress);
        using var hangUp = new CancellationTokenSource();

        var call = harness.Client.GetSitesAsync(hangUp.Token);
        await server.WaitForArrivalAsync();
        await hangUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, server.CountOf("GET /v1/sites"));
        Assert.Equal(BackendHealthState.Healthy, harness.Health.State);
    }
}
