using PhoneBooking.SchedulingApi.Api;

namespace PhoneBooking.SchedulingApi.Matching;

/// <summary>Section <c>Matching</c>: holds, caps and the matcher's pace.</summary>
public sealed class MatchingOptions : IValidatableOptions
{
    public const string SectionName = "Matching";

    /// <summary>How long a person has to accept once the hold starts.</summary>
    public int HoldMinutes { get; set; } = 10;

    /// <summary>How long an on-delivery offer waits for the consumer to reach the person and start the hold.</summary>
    public int DeliveryDeadlineMinutes { get; set; } = 60;

    /// <summary>Offers a request may receive; after the last is declined or expires, the request is closed.</summary>
    public int MaxOffersPerRequest { get; set; } = 3;

    /// <summary>Only windows starting at least this long from now are offered (time to accept and travel).</summary>
    public int MinimumLeadMinutes { get; set; } = 120;

    /// <summary>Requests matched per transaction: larger drains faster, smaller lets submits in sooner.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How often the background matcher wakes without being asked (to expire holds, open cohorts).</summary>
    public int TickSeconds { get; set; } = 5;

    /// <summary>Off in tests and the benchmark, which call <see cref="Matcher.RunOnceAsync"/> themselves.</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>Planning figure behind <c>estimatedOfferAt</c>: offers the service expects to make per minute.</summary>
    public int EstimatedOffersPerMinute { get; set; } = 600;

    public TimeSpan Hold => TimeSpan.FromMinutes(HoldMinutes);

    public TimeSpan DeliveryDeadline => TimeSpan.FromMinutes(DeliveryDeadlineMinutes);

    public TimeSpan MinimumLead => TimeSpan.FromMinutes(MinimumLeadMinutes);

    public IEnumerable<string> Validate()
    {
        if (HoldMinutes is < 1 or > 1440)
        {
            yield return $"Matching:HoldMinutes must be between 1 and 1440, not {HoldMinutes}.";
        }

        if (DeliveryDeadlineMinutes is < 1 or > 10080)
        {
            yield return $"Matching:DeliveryDeadlineMinutes must be between 1 and 10080, not {DeliveryDeadlineMinutes}.";
        }

        if (MaxOffersPerRequest is < 1 or > 20)
        {
            yield return $"Matching:MaxOffersPerRequest must be between 1 and 20, not {MaxOffersPerRequest}.";
        }

        if (MinimumLeadMinutes is < 0 or > 10080)
        {
            yield return $"Matching:MinimumLeadMinutes must be between 0 and 10080, not {MinimumLeadMinutes}.";
        }

        if (BatchSize is < 1 or > 10000)
        {
            yield return $"Matching:BatchSize must be between 1 and 10000, not {BatchSize}.";
        }

        if (TickSeconds is < 1 or > 3600)
        {
            yield return $"Matching:TickSeconds must be between 1 and 3600, not {TickSeconds}.";
        }

        if (EstimatedOffersPerMinute is < 1)
        {
            yield return $"Matching:EstimatedOffersPerMinute must be at least 1, not {EstimatedOffersPerMinute}.";
        }
    }
}
