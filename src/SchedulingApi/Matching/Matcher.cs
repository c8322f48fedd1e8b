using Microsoft.Extensions.Options;
using PhoneBooking.SchedulingApi.Idempotency;
using PhoneBooking.SchedulingApi.Observability;

namespace PhoneBooking.SchedulingApi.Matching;

/// <summary>What one pass did.</summary>
public sealed record MatcherPassResult(int OffersExpired, int RequestsEligible, int OffersMade, int GroupVisitsDecided);

/// <summary>
/// The matcher. <see cref="RunOnceAsync"/> does one full pass: expire overdue offers, queue requests
/// whose group opened, offer windows to queued requests in arrival order until the queue or the
/// capacity runs out, date group visits. The background service calls it when woken; tests and the
/// benchmark call it directly, so matching is deterministic under a manual clock.
/// </summary>
public sealed class Matcher(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    SchedulingMetrics metrics,
    IOptions<IdempotencyOptions> idempotency,
    ILogger<Matcher> logger) : IDisposable
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    /// <param name="stopping">
    /// Checked between transactions, never passed into one: at shutdown the batch under way commits
    /// (a few milliseconds) and the pass stops there — a safe point, with nothing to redo.
    /// </param>
    public async Task<MatcherPassResult> RunOnceAsync(CancellationToken stopping = default)
    {
        await _oneAtATime.WaitAsync(stopping);
        var none = CancellationToken.None;
        try
        {
            var started = clock.GetTimestamp();
            await using var scope = scopes.CreateAsyncScope();
            var steps = scope.ServiceProvider.GetRequiredService<MatchingSteps>();

            var expired = 0;
            int batch;
            do
            {
                batch = await steps.ExpireOverdueAsync(none);
                expired += batch;
                stopping.ThrowIfCancellationRequested();
            }
            while (batch == MatchingSteps.ExpiryBatchSize);

            var eligible = await steps.PromoteEligibleAsync(none);
            stopping.ThrowIfCancellationRequested();

            var offered = 0;
            var match = new MatchBatch(0, 0, false);
            do
            {
                match = await steps.OfferBatchAsync(match.Cursor, none);
                offered += match.Offered;
                stopping.ThrowIfCancellationRequested();
            }
            while (!match.Finished);

            var groupVisits = await steps.ScheduleGroupVisitsAsync(none);
            stopping.ThrowIfCancellationRequested();

            var now = clock.GetUtcNow();
            if (now - _lastPurge >= PurgeInterval)
            {
                await steps.PurgeIdempotencyKeysAsync(now - idempotency.Value.Retention, none);
                _lastPurge = now;
            }

            var elapsed = clock.GetElapsedTime(started);
            metrics.MatcherPass(elapsed);
            logger.MatcherPass(expired, eligible, offered, groupVisits, (long)elapsed.TotalMilliseconds);
            return new MatcherPassResult(expired, eligible, offered, groupVisits);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();
}
