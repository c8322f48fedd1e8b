using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.SchedulingClient;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>
/// What the machine may know of the world for one webhook: "now" and "today" on the line's clock
/// (from the injected <see cref="TimeProvider"/>) and whether the backend is down (a field read).
/// </summary>
public sealed class LineClock(TimeProvider clock, IBackendHealth backend, IOptions<LineOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public CallContext Context()
    {
        var now = clock.GetUtcNow();
        return new CallContext(now, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, _zone).DateTime), backend.Current.State == BackendHealthState.Down);
    }
}
