using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.IvrHost.Tests.Voice;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Observability;

/// <summary>A webhook and the scheduling API calls it makes are one trace (W3C <c>traceparent</c>), with or without an OTLP collector.</summary>
public sealed class TracePropagationTests
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    [Fact]
    public async Task Webhook_CallingTheApi_TheApiRequestCarriesTheWebhooksTraceId()
    {
        await using var api = await ApiStub.StartAsync();
        using var line = new IvrHostFactory(new Dictionary<string, string?> { ["Scheduling:BaseUrl"] = api.BaseAddress.ToString() });
        var call = new SignedWebhooks(line.CreateDefaultClient(new Traceparent($"00-{TraceId}-00f067aa0ba902b7-01")), SignedWebhooks.NewCallSid());

        await call.DialAsync();
        await call.PressAsync("1"); // English
        await call.PressAsync("1"); // book
        await call.PressAsync("19500305");
        await call.PressAsync("1"); // that is my birth date: checked with the API

        var eligibility = Assert.Single(api.Received, r => r.Route == "POST /v1/eligibility");
        Assert.Matches($"^00-{TraceId}-[0-9a-f]{{16}}-01$", eligibility.Traceparent);
        Assert.DoesNotContain("00f067aa0ba902b7", eligibility.Traceparent, StringComparison.Ordinal); // the client's own span, a child of the webhook's
    }

    /// <summary>Twilio sends no trace context; a test does, to know which trace to look for.</summary>
    private sealed class Traceparent(string value) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("traceparent", value);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
