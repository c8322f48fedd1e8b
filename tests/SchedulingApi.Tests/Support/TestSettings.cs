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

    /// <summary>The clients of the API under test, one per role, with their keys (tests send them in X-Api-Key).</summary>
    public const string PhoneLineKey = "pbk_test_phone-line_000000000000000000000000000000";
    public const string WebKey = "pbk_test_web_00000000000000000000000000000000000000";
    public const string BenchKey = "pbk_test_bench_000000000000000000000000000000000000";

    /// <summary>The API's HMAC key (base64 of 32 bytes): fixed, so a test can compute what the database should hold.</summary>
    public const string HmacKey = "dGVzdC1obWFjLWtleS0wMDAwMDAwMDAwMDAwMDAwMDA=";

    public static Dictionary<string, string?> Default(string dataDirectory) => new()
    {
        ["Storage:DataDirectory"] = dataDirectory,
        ["Security:HmacKey"] = HmacKey,
        ["ApiClients:phone-line:Role"] = "PhoneLine",
        ["ApiClients:phone-line:KeySha256:0"] = SchedulingApi.Security.ApiKeys.Sha256Hex(PhoneLineKey),
        ["ApiClients:web:Role"] = "Web",
        ["ApiClients:web:KeySha256:0"] = SchedulingApi.Security.ApiKeys.Sha256Hex(WebKey),
        ["ApiClients:bench:Role"] = "Bench",
        ["ApiClients:bench:KeySha256:0"] = SchedulingApi.Security.ApiKeys.Sha256Hex(BenchKey),
        ["Matching:RunInBackground"] = "false",
        ["Shutdown:DrainDelay"] = "00:00:00", // no balancer to wait for: a disposed test API stops at once
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
