using System.Diagnostics.Metrics;
using PhoneBooking.IvrHost.Observability;

namespace PhoneBooking.IvrHost.AgentConsole;

/// <summary>Meter <c>PhoneBooking.AgentConsole</c>: console actions by action and outcome, and open live-update streams.</summary>
public sealed class AgentConsoleMetrics
{
    public const string MeterName = "PhoneBooking.AgentConsole";

    private readonly Counter<long> _actions;
    private readonly UpDownCounter<long> _streams;

    public AgentConsoleMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _actions = meter.CreateCounter<long>("phonebooking.console.actions", "{action}", "Agent console actions, by action and outcome.");
        _streams = meter.CreateUpDownCounter<long>("phonebooking.console.streams", "{stream}", "Open live-update (server-sent events) streams.");
    }

    public void Action(string action, string outcome) =>
        _actions.Add(1, new("action", TelemetryLabel.Safe(action)), new("outcome", TelemetryLabel.Safe(outcome)));

    public void StreamOpened() => _streams.Add(1);

    public void StreamClosed() => _streams.Add(-1);
}
