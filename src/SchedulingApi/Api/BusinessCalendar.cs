using Microsoft.Extensions.Options;

namespace PhoneBooking.SchedulingApi.Api;

/// <summary>The service's home time zone (section <c>Calendar</c>): what "today" means for eligibility and date checks.</summary>
public sealed class CalendarOptions : IValidatableOptions
{
    public const string SectionName = "Calendar";

    public string TimeZone { get; set; } = "America/Toronto";

    public IEnumerable<string> Validate()
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return $"Calendar:TimeZone '{TimeZone}' is not a known time zone (install tzdata?).";
        }
    }
}

/// <summary>Now and today from the injected clock: tests move a manual clock and everything follows.</summary>
public sealed class BusinessCalendar(TimeProvider clock, IOptions<CalendarOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone).DateTime);
}
