using System.Diagnostics.Metrics;

namespace PhoneBooking.IvrHost.Outbound;

/// <summary>Texts the outbound policy refused, by reason (calls it refuses are the dialer's <c>phonebooking.dialer.refused</c>).</summary>
public sealed class OutboundMetrics
{
    public const string MeterName = "PhoneBooking.Outbound";

    private readonly Counter<long> _textsRefused;

    public OutboundMetrics(IMeterFactory meterFactory) =>
        _textsRefused = meterFactory.Create(MeterName).CreateCounter<long>("phonebooking.outbound.texts_refused", "{text}", "Texts the outbound policy refused (number rules or caps).");

    public void TextRefused(string reason) => _textsRefused.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
