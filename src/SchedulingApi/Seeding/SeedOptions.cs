using PhoneBooking.SchedulingApi.Api;

namespace PhoneBooking.SchedulingApi.Seeding;

/// <summary>
/// Section <c>Seed</c>. With <c>Demo</c> on, empty Sites, Eligibility:Cohorts and Facilities:Seed get the
/// demo data — including a facility whose code and PIN are published in the README. So it is on by
/// default only in Development (and so for the README's first command); anywhere else it takes
/// <c>Seed:Demo=true</c>, said out loud.
/// </summary>
public sealed class SeedOptions : IValidatableOptions
{
    public const string SectionName = "Seed";

    /// <summary>Null: on in Development, off elsewhere.</summary>
    public bool? Demo { get; set; }

    internal bool DemoOn => Demo == true;

    public IEnumerable<string> Validate() => [];
}
