namespace PhoneBooking.SchedulingApi.Tests.Support;

/// <summary>Configuration of the API under test: explicit sites, cohorts and facility, no demo data, no background matcher.</summary>
public static class TestSettings
{
    /// <summary>Monday 2026-11-23, 09:00 in Toronto.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);

    public const string FacilityCode = "123456";
    public const string FacilityPin = "2468";
    public const string SeniorBirthDate = "1950-03-23";   // cohort "seniors", open since 2026-11-01
    public const string AdultBirthDate = "1980-06-15";    // cohort "adults", opens 2026-12-01
    public const string YoungBirthDate = "2001-01-01";    // cohort "everyone-else", no date yet

    public static Dictionary<string, string?> Default(string dataDirectory) => new()
    {
        ["Storage:DataDirectory"] = dataDirectory,
        ["Matching:RunInBackground"] = "false",
        ["Facilities:PinHashIterations"] = "1000",
        ["Seed:Demo"] = "false",
        ["Sites:0:Id"] = "north",
        ["Sites:0:Name"] = "North Clinic",
        ["Sites:0:SpokenName"] = "North Clinic",
        ["Sites:0:Address"] = "1 North Street",
        ["Sites:0:OpenHour"] = "9",
        ["Sites:0:CloseHour"] = "17",
        ["Sites:1:Id"] = "south",
        ["Sites:1:Name"] = "St. South Clinic",
        ["Sites:1:SpokenName"] = "Saint South Clinic",
        ["Sites:1:Address"] = "2 South Street",
        ["Sites:1:OpenHour"] = "9",
        ["Sites:1:CloseHour"] = "20",
        ["Staffing:HorizonDays"] = "14",
        ["Eligibility:Cohorts:0:Name"] = "seniors",
        ["Eligibility:Cohorts:0:BornOnOrBefore"] = "1956-12-31",
        ["Eligibility:Cohorts:0:OpensOn"] = "2026-11-01",
        ["Eligibility:Cohorts:1:Name"] = "adults",
        ["Eligibility:Cohorts:1:BornOnOrBefore"] = "1986-12-31",
        ["Eligibility:Cohorts:1:OpensOn"] = "2026-12-01",
        ["Eligibility:Cohorts:2:Name"] = "hot-spot",
        ["Eligibility:Cohorts:2:BornOnOrBefore"] = "1986-12-31",
        ["Eligibility:Cohorts:2:OpensOn"] = "2026-11-15",
        ["Eligibility:Cohorts:2:PostalPrefixes:0"] = "M3N",
        ["Eligibility:Cohorts:3:Name"] = "everyone-else",
        ["Facilities:Seed:0:Code"] = FacilityCode,
        ["Facilities:Seed:0:Pin"] = FacilityPin,
        ["Facilities:Seed:0:Name"] = "Maple Grove Residence",
        ["Facilities:Seed:0:SpokenName"] = "Maple Grove Residence",
    };

    /// <summary>One site with one window a day (15:00-16:00 Toronto) for one day: today, with <paramref name="capacity"/> places.</summary>
    public static void SingleWindow(Dictionary<string, string?> settings, int capacity)
    {
        foreach (var key in settings.Keys.Where(k => k.StartsWith("Sites:", StringComparison.Ordinal)).ToList())
        {
            settings.Remove(key);
        }

        settings["Sites:0:Id"] = "solo";
        settings["Sites:0:Name"] = "Solo Clinic";
        settings["Sites:0:OpenHour"] = "15";
        settings["Sites:0:CloseHour"] = "16";
        settings["Staffing:HorizonDays"] = "1";
        settings["Staffing:DosesPerStaffHour"] = capacity.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
