using PhoneBooking.SchedulingApi.Api;

namespace PhoneBooking.SchedulingApi.Eligibility;

/// <summary>
/// Who may book when (section <c>Eligibility</c>). A person belongs to every cohort whose birth-date
/// limit and postal prefixes they meet, and may book from the earliest opening date among them.
/// </summary>
public sealed class EligibilityOptions : IValidatableOptions
{
    public const string SectionName = "Eligibility";

    public List<CohortOptions> Cohorts { get; } = [];

    public IEnumerable<string> Validate()
    {
        if (Cohorts.Count == 0)
        {
            yield return "Eligibility:Cohorts must list at least one cohort (or set Seed:Demo to true for the demo cohorts; it is on by default only in Development).";
        }

        for (var i = 0; i < Cohorts.Count; i++)
        {
            var cohort = Cohorts[i];
            if (!System.Text.RegularExpressions.Regex.IsMatch(cohort.Name, "^[a-z0-9][a-z0-9-]{0,59}$"))
            {
                yield return $"Eligibility:Cohorts:{i}:Name must be lowercase letters, digits and dashes, not '{cohort.Name}'.";
            }

            foreach (var prefix in cohort.PostalPrefixes.Where(p => !System.Text.RegularExpressions.Regex.IsMatch(p, "^[A-Z][0-9A-Z]{0,5}$")))
            {
                yield return $"Eligibility:Cohorts:{i}:PostalPrefixes has '{prefix}'; use uppercase without spaces, e.g. M3N.";
            }
        }

        foreach (var duplicate in Cohorts.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"Eligibility:Cohorts: the name '{duplicate.Key}' appears more than once.";
        }
    }
}

public sealed class CohortOptions
{
    public string Name { get; set; } = "";

    /// <summary>Latest birth date in the cohort; null: any birth date.</summary>
    public DateOnly? BornOnOrBefore { get; set; }

    /// <summary>First day the cohort may book; null: no date announced yet.</summary>
    public DateOnly? OpensOn { get; set; }

    /// <summary>Postal code prefixes (e.g. a hot-spot FSA "M3N"); empty: anywhere.</summary>
    public List<string> PostalPrefixes { get; } = [];
}
