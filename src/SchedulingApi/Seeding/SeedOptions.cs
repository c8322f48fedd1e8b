using PhoneBooking.SchedulingApi.Api;

namespace PhoneBooking.SchedulingApi.Seeding;

/// <summary>Section <c>Seed</c>. With <c>Demo</c> on (default), empty Sites, Eligibility:Cohorts and Facilities:Seed get the demo data.</summary>
public sealed class SeedOptions : IValidatableOptions
{
    public const string SectionName = "Seed";

    public bool Demo { get; set; } = true;

    public IEnumerable<string> Validate() => [];
}
