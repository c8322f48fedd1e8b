using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.IvrHost.Admission;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Observability;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.IvrHost.Tests.Voice;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Admission;

/// <summary>
/// The line in a test server with a door that lets one call in (Admission:MaxCallsInProgress 1), and what its
/// counters said: <c>phonebooking.ivr.calls.admitted</c> and <c>.shed</c> by reason, from this host's meters only.
/// The webhook load's clock is the test's, so latency is what the test says it was.
/// </summary>
internal sealed class LineDoor : IDisposable
{
    private readonly IvrHostFactory _root;
    private readonly WebApplicationFactory<Program> _host;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, string? Reason)> _counted = new();

    public LineDoor(IDictionary<string, string?>? settings = null, bool embeddedApi = false)
    {
        var all = new Dictionary<string, string?> { ["Admission:MaxCallsInProgress"] = "1" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        _root = new IvrHostFactory(all, embeddedApi);
        _host = _root.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<WebhookLoad>(sp, (TimeProvider)Clock))));
        Client = _host.CreateClient();

        var meters = Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Meter.Name == IvrMetrics.MeterName && instrument.Name.StartsWith("phonebooking.ivr.calls.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            string? reason = null;
            foreach (var tag in tags)
            {
                reason = tag.Key == "reason" ? tag.Value as string : reason;
            }

            _counted.Enqueue((instrument.Name, reason));
        });
        _listener.Start();
    }

    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 19, 0, 0, TimeSpan.Zero));

    public HttpClient Client { get; }

    public IServiceProvider Services => _host.Services;

    public SignedWebhooks Call(string from = "+14165550123") => new(Client, SignedWebhooks.NewCallSid(), from);

    /// <summary>How often the door counted a call admitted.</summary>
    public int Admitted => _counted.Count(c => c.Instrument == "phonebooking.ivr.calls.admitted");

    /// <summary>How often the door shed a call, by reason.</summary>
    public int Shed(string reason) => _counted.Count(c => c.Instrument == "phonebooking.ivr.calls.shed" && c.Reason == reason);

    public async Task<IReadOnlyList<CallbackRecord>> OpenCallbacksAsync() =>
        await Services.GetRequiredService<ICallbackRequests>().ListAsync(CallbackFilter.Open, 50, CancellationToken.None);

    public void Dispose()
    {
        _listener.Dispose();
        Client.Dispose();
        _host.Dispose();
        _root.Dispose();
    }
}
