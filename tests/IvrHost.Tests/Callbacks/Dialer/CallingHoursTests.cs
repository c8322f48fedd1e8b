using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Callbacks.Dialer;
using PhoneBooking.IvrHost.Tests.Callbacks.Support;
using PhoneBooking.IvrHost.Voice;

namespace PhoneBooking.IvrHost.Tests.Callbacks.Dialer;

public sealed class CallingHoursTests
{
    private readonly CallingHours _hours = new(new FixedOptions<CallbackOptions>(new CallbackOptions()), Options.Create(new LineOptions { TimeZone = "America/Toronto" }));

    [Theory]
    [InlineData("+14165550123", "America/Toronto")]
    [InlineData("+16045550123", "America/Vancouver")]
    [InlineData("+13065550123", "America/Regina")]
    [InlineData("+17095550123", "America/St_Johns")]
    [InlineData("+13125550123", "America/Chicago")]
    [InlineData("+16025550123", "America/Phoenix")]
    [InlineData("+18085550123", "Pacific/Honolulu")]
    [InlineData("+12705550123", "America/Toronto")] // Kentucky's 270 spans two zones: the line's zone stands in
    [InlineData("+442071838750", "America/Toronto")]
    public void ZoneOf_AreaCode_GivesTheCalleesZoneOrTheLines(string phone, string zone) =>
        Assert.Equal(zone, _hours.ZoneOf(phone).Id);

    [Fact]
    public void NextOpening_InsideTheCalleesHours_IsNow()
    {
        var now = new DateTimeOffset(2026, 11, 23, 19, 59, 0, TimeSpan.FromHours(-5)); // 19:59 in Toronto

        Assert.Equal(now, _hours.NextOpening("+14165550123", now));
    }

    [Fact]
    public void NextOpening_LateEvening_IsNineTomorrowInTheCalleesZone()
    {
        var now = new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.FromHours(-5)); // 20:00 Toronto = 17:00 Vancouver

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(-5)), _hours.NextOpening("+14165550123", now));
        Assert.Equal(now, _hours.NextOpening("+16045550123", now));
    }

    [Fact]
    public void NextOpening_EarlyMorningInVancouver_WaitsForNineThere()
    {
        var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(-5)); // 10:00 Toronto: before nine in Vancouver

        var vancouver = TimeZoneInfo.FindSystemTimeZoneById("America/Vancouver");

        // Nine o'clock on Vancouver's wall clock, whatever its offset (tzdata 2026f keeps BC on UTC-7 year round).
        var opening = TimeZoneInfo.ConvertTime(_hours.NextOpening("+16045550123", now), vancouver);
        Assert.Equal(new DateTime(2026, 11, 23, 9, 0, 0), opening.DateTime);
    }

    [Fact]
    public void NextOpening_AcrossTheSpringForwardNight_IsNineLocalTime()
    {
        var now = new DateTimeOffset(2026, 3, 7, 22, 0, 0, TimeSpan.FromHours(-5)); // Saturday night; clocks go forward Sunday 02:00

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 9, 0, 0, TimeSpan.FromHours(-4)), _hours.NextOpening("+14165550123", now));
    }

    [Fact]
    public void StartOfLineDay_IsMidnightInTheLinesZone()
    {
        var now = new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero); // 22:00 on the 23rd in Toronto

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(-5)), _hours.StartOfLineDay(now));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(-5)), _hours.StartOfLineDay(now, addDays: 1));
    }
}
