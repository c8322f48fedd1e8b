using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.Voice;

namespace PhoneBooking.IvrHost.Callbacks.Dialer;

/// <summary>
/// When a callee may be called: within the configured hours of THEIR local time. The zone comes from
/// a +1 number's area code (<see cref="NanpAreaCodes"/>); when the area code spans zones or is not
/// in the table, the line's own time zone stands in.
/// </summary>
public sealed class CallingHours(IOptionsMonitor<CallbackOptions> options, IOptions<LineOptions> line)
{
    private readonly TimeZoneInfo _lineZone = TimeZoneInfo.FindSystemTimeZoneById(line.Value.TimeZone);

    public TimeZoneInfo ZoneOf(string phone) =>
        NanpNumber.TryParse(phone, out var number) && NanpAreaCodes.TimeZoneOf(number.Value.AreaCode) is { } id
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : _lineZone;

    /// <summary><paramref name="now"/> when the callee's window is open, else the next time it opens.</summary>
    public DateTimeOffset NextOpening(string phone, DateTimeOffset now)
    {
        var (start, end) = (options.CurrentValue.CallingHoursStart, options.CurrentValue.CallingHoursEnd);
        var zone = ZoneOf(phone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (local.TimeOfDay >= start && local.TimeOfDay < end)
        {
            return now;
        }

        var day = local.TimeOfDay < start ? local.Date : local.Date.AddDays(1);
        return At(day + start, zone);
    }

    /// <summary>Midnight in the line's time zone, <paramref name="addDays"/> days from today: a number's daily cap counts from it.</summary>
    public DateTimeOffset StartOfLineDay(DateTimeOffset now, int addDays = 0) =>
        At(TimeZoneInfo.ConvertTime(now, _lineZone).Date.AddDays(addDays), _lineZone);

    /// <summary>A local wall-clock time in a zone as an instant (a time skipped by a DST change moves on by the gap).</summary>
    private static DateTimeOffset At(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(30);
        }

        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}
