using System.Diagnostics.Metrics;
using PhoneBooking.IvrHost.Observability;
using PhoneBooking.ServiceDefaults;

namespace PhoneBooking.IvrHost.Sessions;

/// <summary>
/// Calls in progress on the whole line (meter <c>PhoneBooking.IvrHost</c>), sampled in the background:
/// <c>phonebooking.ivr.calls.active</c>, the sessions not ended that changed within the last
/// <see cref="Window"/> (Twilio ends a call after 4 hours at most, so a lost status callback ages out).
/// </summary>
public sealed class ActiveCallGauge : ISampledGauges
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(4);

    private readonly ICallSessionStore _store;
    private readonly TimeProvider _clock;
    private volatile Sample? _last;

    public ActiveCallGauge(IMeterFactory meterFactory, ICallSessionStore store, TimeProvider clock)
    {
        (_store, _clock) = (store, clock);
        meterFactory.Create(IvrMetrics.MeterName).CreateObservableGauge(
            "phonebooking.ivr.calls.active", () => _last is { } last ? [new Measurement<int>(last.Value)] : Array.Empty<Measurement<int>>(),
            "{call}", "Calls in progress on the line (every instance): sessions not ended, changed in the last 4 hours.");
    }

    public async Task SampleAsync(CancellationToken cancellationToken) =>
        _last = new Sample(await _store.CountActiveAsync(_clock.GetUtcNow() - Window, cancellationToken));

    public void Forget() => _last = null;

    private sealed record Sample(int Value);
}
