using Microsoft.Extensions.Options;
using PhoneBooking.SchedulingApi.Api;

namespace PhoneBooking.SchedulingApi.Eligibility;

public sealed record EligibilityDecision(bool Eligible, string Cohort, DateOnly? OpensOn);

public sealed class EligibilityPolicy(IOptions<EligibilityOptions> options, BusinessCalendar calendar)
{
    public const string Unassigned = "unassigned";

    public EligibilityDecision Decide(DateOnly birthDate, string? postalCode)
    {
        var cohort = options.Value.Cohorts
            .Where(c => c.BornOnOrBefore is null || birthDate <= c.BornOnOrBefore)
            .Where(c => c.PostalPrefixes.Count == 0 || (postalCode is not null && c.PostalPrefixes.Any(p => postalCode.StartsWith(p, StringComparison.Ordinal))))
            .OrderBy(c => c.OpensOn ?? DateOnly.MaxValue)
            .FirstOrDefault();
        if (cohort is null)
        {
            return new EligibilityDecision(false, Unassigned, null);
        }

        return new EligibilityDecision(cohort.OpensOn <= calendar.Today, cohort.Name, cohort.OpensOn);
    }
}
