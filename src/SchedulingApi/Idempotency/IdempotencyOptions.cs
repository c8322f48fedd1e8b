using PhoneBooking.SchedulingApi.Api;

namespace PhoneBooking.SchedulingApi.Idempotency;

/// <summary>Section <c>Idempotency</c>: how long a stored response is kept for replay.</summary>
public sealed class IdempotencyOptions : IValidatableOptions
{
    public const string SectionName = "Idempotency";

    public int RetentionHours { get; set; } = 24;

    public TimeSpan Retention => TimeSpan.FromHours(RetentionHours);

    public IEnumerable<string> Validate()
    {
        if (RetentionHours is < 1 or > 24 * 90)
        {
            yield return $"Idempotency:RetentionHours must be between 1 and 2160, not {RetentionHours}.";
        }
    }
}
