using PhoneBooking.SchedulingApi.Api;

namespace PhoneBooking.SchedulingApi.GroupVisits;

/// <summary>Section <c>GroupVisits</c>: mobile teams that go to retirement homes.</summary>
public sealed class GroupVisitOptions : IValidatableOptions
{
    public const string SectionName = "GroupVisits";

    /// <summary>Mobile teams available per day; each visits one facility a day.</summary>
    public int TeamsPerDay { get; set; } = 2;

    public IEnumerable<string> Validate()
    {
        if (TeamsPerDay is < 0 or > 1000)
        {
            yield return $"GroupVisits:TeamsPerDay must be between 0 and 1000, not {TeamsPerDay}.";
        }
    }
}
