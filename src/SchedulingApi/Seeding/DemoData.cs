using PhoneBooking.SchedulingApi.Eligibility;
using PhoneBooking.SchedulingApi.Facilities;
using PhoneBooking.SchedulingApi.Sites;

namespace PhoneBooking.SchedulingApi.Seeding;

/// <summary>The demo data (documented in docs/scheduling-api-operations.md). Used only where configuration gives none.</summary>
internal static class DemoData
{
    public const string FacilityCode = "700123";
    public const string FacilityPin = "2468";

    public static IEnumerable<SiteOptions> Sites() =>
    [
        new()
        {
            Id = "north-york", Name = "North York Civic Centre", SpokenName = "North York Civic Centre",
            Address = "5100 Yonge Street, North York, ON M2N 5V7", OpenHour = 9, CloseHour = 17, StaffOnDuty = 2,
        },
        new()
        {
            Id = "scarborough", Name = "Scarborough Town Centre Clinic", SpokenName = "Scarborough Town Centre",
            Address = "300 Borough Drive, Scarborough, ON M1P 4P5", OpenHour = 9, CloseHour = 17, StaffOnDuty = 1,
        },
        new()
        {
            Id = "st-lawrence", Name = "St. Lawrence Market Community Clinic", SpokenName = "Saint Lawrence Market Community Clinic",
            Address = "93 Front Street East, Toronto, ON M5E 1C3", OpenHour = 11, CloseHour = 20, StaffOnDuty = 1,
        },
    ];

    public static IEnumerable<CohortOptions> Cohorts()
    {
        yield return new CohortOptions { Name = "born-1956-or-earlier", BornOnOrBefore = new DateOnly(1956, 12, 31), OpensOn = new DateOnly(2026, 11, 1) };
        var hotSpot = new CohortOptions { Name = "hot-spot-m3n-born-1976-or-earlier", BornOnOrBefore = new DateOnly(1976, 12, 31), OpensOn = new DateOnly(2026, 11, 15) };
        hotSpot.PostalPrefixes.Add("M3N");
        yield return hotSpot;
        yield return new CohortOptions { Name = "born-1957-to-1966", BornOnOrBefore = new DateOnly(1966, 12, 31), OpensOn = new DateOnly(2026, 12, 15) };
        yield return new CohortOptions { Name = "born-1967-to-1986", BornOnOrBefore = new DateOnly(1986, 12, 31), OpensOn = new DateOnly(2027, 1, 15) };
        yield return new CohortOptions { Name = "everyone-else" };
    }

    public static IEnumerable<FacilitySeed> Facilities() =>
    [
        new() { Code = FacilityCode, Pin = FacilityPin, Name = "Maple Grove Retirement Residence", SpokenName = "Maple Grove Retirement Residence" },
    ];
}
