using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.SchedulingClient.Tests.Support;

namespace PhoneBooking.SchedulingClient.Tests.Api;

/// <summary>The client sends its key on every attempt; a key the API does not know is a clear failure that never shows the key.</summary>
public sealed class ApiKeyTests : IAsyncLifetime
{
    private RealApi _api = null!;

    public async Task InitializeAsync() => _api = await RealApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task EveryAttempt_CarriesTheKey()
    {
        var recorder = new FailFirstAttemptHandler();
        await using var harness = ClientHarness.Create(_api.BaseAddress, http: builder => builder.AddHttpMessageHandler(() => recorder));

        var sites = await harness.Client.GetSitesAsync();

        Assert.True(sites.IsSuccess, sites.ToString());
        Assert.Equal([RealApi.ClientKey, RealApi.ClientKey], recorder.Keys);
    }

    [Fact]
    public async Task KeyTheApiDoesNotKnow_FailureSays401AndNeverTheKey()
    {
        const string wrongKey = "pbk_test_not-known-here_0000000000000000000000000";
        await using var harness = ClientHarness.Create(_api.BaseAddress, settings => settings["Scheduling:ApiKey"] = wrongKey);

        var sites = await harness.Client.GetSitesAsync();

        Assert.Equal(SchedulingOutcome.BackendFailure, sites.Outcome);
        Assert.Contains("401", sites.Failure!.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, sites.Failure.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Logs.Records, r => r.Message.Contains(wrongKey, StringComparison.Ordinal));
    }

    /// <summary>Inner to the key handler: notes each attempt's key and fails the first as a 503 would, so the pipeline retries.</summary>
    private sealed class FailFirstAttemptHandler : DelegatingHandler
    {
        public List<string> Keys { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Keys.Add(request.Headers.TryGetValues("X-Api-Key", out var values) ? values.Single() : "(none)");
            return Keys.Count == 1
                ? Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable) { RequestMessage = request })
                : base.SendAsync(request, cancellationToken);
        }
    }
}
