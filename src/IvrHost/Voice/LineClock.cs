using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.SchedulingClient;
using PhoneBooking.Twilio;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>
/// What the machine may know of the world for one webhook: "now" and "today" on the line's clock
/// (from the injected <see cref="TimeProvider"/>), whether the backend is down, the line's own
/// number, the incident notice and the features switched off — field reads, no I/O.
/// </summary>
public sealed class LineClock(TimeProvider clock, IBackendHealth backend, IIncidentBoard incidents, ILineSwitchBoard switches, IOptions<LineOptions> options, IOptionsMonitor<TwilioOptions> twilio)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public CallContext Context()
    {
        var now = clock.GetUtcNow();
        return new CallContext(
            now,
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, _zone).DateTime),
            backend.Current.State == BackendHealthState.Down,
            twilio.CurrentValue.PhoneNumber is { Length: > 0 } number ? number : null,
            incidents.Current is { Length: > 0 } incident ? incident : null,
            switches.Current);
    }
}
