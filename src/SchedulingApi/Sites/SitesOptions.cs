using PhoneBooking.SchedulingApi.Api;

namespace PhoneBooking.SchedulingApi.Sites;

/// <summary>The clinic sites (configuration section <c>Sites</c>, an array). Upserted into the database at every start.</summary>
public sealed class SitesOptions : IValidatableOptions
{
    public const string SectionName = "Sites";

    public List<SiteOptions> Sites { get; } = [];

    public IEnumerable<string> Validate()
    {
        if (Sites.Count == 0)
        {
            yield return "Sites must list at least one site (or set Seed:Demo to true for the demo sites; it is on by default only in Development).";
        }

        foreach (var duplicate in Sites.GroupBy(s => s.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"Sites: the id '{duplicate.Key}' appears more than once.";
        }

        foreach (var failure in Sites.SelectMany((site, i) => site.Validate(i)))
        {
            yield return failure;
        }
    }
}

public sealed class SiteOptions
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>How the phone line says it (no abbreviations: "Saint", not "St.").</summary>
    public string SpokenName { get; set; } = "";

    public string Address { get; set; } = "";

    public string TimeZone { get; set; } = "America/Toronto";

    /// <summary>Local hour of the first window (inclusive).</summary>
    public int OpenHour { get; set; } = 9;

    /// <summary>Local hour the site closes: the last window starts an hour before.</summary>
    public int CloseHour { get; set; } = 17;

    /// <summary>Vaccinators on duty each hour; capacity of a window = StaffOnDuty × Staffing:DosesPerStaffHour.</summary>
    public int StaffOnDuty { get; set; } = 1;

    internal IEnumerable<string> Validate(int index)
    {
        var at = $"Sites:{index}";
        if (!System.Text.RegularExpressions.Regex.IsMatch(Id, "^[a-z0-9][a-z0-9-]{0,39}$"))
        {
            yield return $"{at}:Id must be lowercase letters, digits and dashes (at most 40), not '{Id}'.";
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return $"{at}:Name is required (site '{Id}').";
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return $"{at}:TimeZone '{TimeZone}' is not a known time zone (install tzdata?).";
        }

        if (OpenHour is < 0 or > 23 || CloseHour is < 1 or > 24 || CloseHour <= OpenHour)
        {
            yield return $"{at}: OpenHour {OpenHour} and CloseHour {CloseHour} must satisfy 0 <= OpenHour < CloseHour <= 24.";
        }

        if (StaffOnDuty is < 0 or > 1000)
        {
            yield return $"{at}:StaffOnDuty must be between 0 and 1000, not {StaffOnDuty}.";
        }
    }
}

/// <summary>How many doses a vaccinator gives per hour, and how far ahead windows exist.</summary>
public sealed class StaffingOptions : IValidatableOptions
{
    public const string SectionName = "Staffing";

    /// <summary>Doses per vaccinator per one-hour window: 12 is five minutes a dose.</summary>
    public int DosesPerStaffHour { get; set; } = 12;

    /// <summary>Days of windows kept ahead, counting today; topped up at every start.</summary>
    public int HorizonDays { get; set; } = 14;

    public IEnumerable<string> Validate()
    {
        if (DosesPerStaffHour is < 1 or > 120)
        {
            yield return $"Staffing:DosesPerStaffHour must be between 1 and 120, not {DosesPerStaffHour}.";
        }

        if (HorizonDays is < 1 or > 366)
        {
            yield return $"Staffing:HorizonDays must be between 1 and 366, not {HorizonDays}.";
        }
    }
}
