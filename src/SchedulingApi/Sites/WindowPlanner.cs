namespace PhoneBooking.SchedulingApi.Sites;

/// <summary>Lays out one-hour windows for a site from its opening hours and staffing.</summary>
internal static class WindowPlanner
{
    public static IEnumerable<NewWindow> Plan(SiteOptions site, DateTimeOffset now, StaffingOptions staffing)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(site.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var capacity = site.StaffOnDuty * staffing.DosesPerStaffHour;
        for (var day = 0; day < staffing.HorizonDays; day++)
        {
            var date = today.AddDays(day);
            for (var hour = site.OpenHour; hour < site.CloseHour; hour++)
            {
                var local = date.ToDateTime(new TimeOnly(hour, 0));
                if (zone.IsInvalidTime(local))
                {
                    continue; // the hour skipped when clocks spring forward
                }

                var start = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
                yield return new NewWindow(site.Id, start, start.AddHours(1), date, date.DayOfWeek, hour, capacity);
            }
        }
    }
}
