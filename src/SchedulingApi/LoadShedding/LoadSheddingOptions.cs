using System.Globalization;
using PhoneBooking.SchedulingApi.Api;

namespace PhoneBooking.SchedulingApi.LoadShedding;

/// <summary>
/// Section <c>LoadShedding</c>: how much work the API takes at once, and how long a request may wait
/// or run before it is answered 503 <c>overloaded</c> with <c>Retry-After</c>. The point is to answer
/// "not now" while the client can still use the answer: the phone line's client gives an attempt
/// <c>Scheduling:AttemptTimeout</c> (1 s), so <see cref="RequestDeadline"/> must stay below it
/// (docs/scheduling-api-operations.md, docs/capacity.md).
/// </summary>
public sealed class LoadSheddingOptions : IValidatableOptions
{
    public const string SectionName = "LoadShedding";

    /// <summary>Off: every request runs whenever it arrives, however long that takes (the behaviour before issue 16).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Requests running at once; more wait in line. Two cores saturate well below this; the limit is
    /// there so a surge queues here, where time is measured, not in the database's pool or writer
    /// queue (keep it below PostgreSQL's <c>Max Pool Size</c>, 100 by default).
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = 64;

    /// <summary>Requests waiting in line at most; one more is shed at once.</summary>
    public int MaxQueueLength { get; set; } = 2000;

    /// <summary>How long a request may wait in line for a slot before it is shed.</summary>
    public TimeSpan MaxQueueTime { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long a request may take from arrival, waiting included: past it, whatever it waits on (the
    /// SQLite writer, a pooled PostgreSQL connection, a query) is cancelled, the transaction rolls back
    /// and the answer is 503 (a retry with the same Idempotency-Key is safe).
    /// </summary>
    public TimeSpan RequestDeadline { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary>What <c>Retry-After</c> says on a shed request (whole seconds).</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    public IEnumerable<string> Validate()
    {
        if (MaxConcurrentRequests is < 1 or > 10_000)
        {
            yield return Invariant($"{SectionName}:MaxConcurrentRequests must be between 1 and 10000, not {MaxConcurrentRequests}.");
        }

        if (MaxQueueLength is < 0 or > 1_000_000)
        {
            yield return Invariant($"{SectionName}:MaxQueueLength must be between 0 and 1000000, not {MaxQueueLength}.");
        }

        if (RequestDeadline < TimeSpan.FromMilliseconds(50) || RequestDeadline > TimeSpan.FromMinutes(5))
        {
            yield return Invariant($"{SectionName}:RequestDeadline must be between 00:00:00.05 and 00:05:00, not {RequestDeadline}.");
        }

        if (MaxQueueTime < TimeSpan.Zero || MaxQueueTime >= RequestDeadline)
        {
            yield return Invariant($"{SectionName}:MaxQueueTime ({MaxQueueTime}) must be at least 0 and shorter than {SectionName}:RequestDeadline ({RequestDeadline}).");
        }

        if (RetryAfterSeconds is < 1 or > 3600)
        {
            yield return Invariant($"{SectionName}:RetryAfterSeconds must be between 1 and 3600, not {RetryAfterSeconds}.");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
