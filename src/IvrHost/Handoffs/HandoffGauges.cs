using System.Diagnostics.Metrics;
using PhoneBooking.ServiceDefaults;
using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.Handoffs;

/// <summary>The agents' queue as the console sees it (meter <c>PhoneBooking.IvrHost.Handoffs</c>), sampled in the background: <c>phonebooking.handoffs.open{status}</c>.</summary>
public sealed class HandoffGauges : ISampledGauges
{
    private static readonly HandoffStatus[] Open = [HandoffStatus.Waiting, HandoffStatus.Claimed, HandoffStatus.CallbackRequested];

    private readonly IHandoffDesk _desk;
    private volatile IReadOnlyDictionary<HandoffStatus, int>? _last;

    public HandoffGauges(IMeterFactory meterFactory, IHandoffDesk desk)
    {
        _desk = desk;
        meterFactory.Create(HandoffMetrics.MeterName).CreateObservableGauge(
            "phonebooking.handoffs.open", Count, "{call}", "Callers handed to a person and not finished, by status: waiting, claimed, callback_requested.");
    }

    public async Task SampleAsync(CancellationToken cancellationToken) => _last = await _desk.CountOpenAsync(cancellationToken);

    public void Forget() => _last = null;

    private IEnumerable<Measurement<int>> Count() => _last is { } last
        ? Open.Select(status => new Measurement<int>(last.GetValueOrDefault(status), new KeyValuePair<string, object?>("status", DbValues.Word(status))))
        : [];
}
