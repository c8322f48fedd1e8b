using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PhoneBooking.Storage.RateLimiting;
using PhoneBooking.Testing;

namespace PhoneBooking.Storage.Tests.RateLimiting;

/// <summary>
/// The shared counters on a real database, as an abuser meets them: the hit past the limit is refused with
/// the wait to the window's end, every instance on the database counts in the same window, the window ends,
/// and a failing database lets people through (counted). Run on SQLite and PostgreSQL.
/// </summary>
public abstract class SharedRateLimitsContract : IAsyncLifetime
{
    protected const string Policy = "test-calls";

    private static readonly RateWindow[] TenAnHour = [new(10, TimeSpan.FromHours(1))];

    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();

    protected ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero));

    public abstract Task InitializeAsync();

    public virtual async Task DisposeAsync() => await _metrics.DisposeAsync();

    /// <summary>A process's database on the one shared store (a new connection pool each time: a second instance).</summary>
    protected abstract Task<IDatabase> InstanceAsync();

    [Fact]
    public async Task EleventhHitInAnHour_Refused_RetryAfterIsTheRestOfTheHour()
    {
        var limits = Limits(await InstanceAsync());
        Clock.Advance(TimeSpan.FromMinutes(20));

        for (var i = 1; i <= 10; i++)
        {
            Assert.True(await AcquiredAsync(limits, "caller-a"), $"hit {i} refused");
        }

        using var refused = await AcquireAsync(limits, "caller-a");

        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromMinutes(40), retryAfter);
        Assert.True(await AcquiredAsync(limits, "caller-b"), "another subject has its own count");
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabase_ShareTheCount()
    {
        var first = Limits(await InstanceAsync());
        var second = Limits(await InstanceAsync());

        for (var i = 1; i <= 10; i++)
        {
            Assert.True(await AcquiredAsync(i % 2 == 0 ? first : second, "caller-a"), $"hit {i} refused");
        }

        Assert.False(await AcquiredAsync(first, "caller-a"));
        Assert.False(await AcquiredAsync(second, "caller-a"));
    }

    [Fact]
    public async Task ConcurrentHitsFromManyInstances_ExactlyTheLimitGetThrough()
    {
        var instances = new List<SharedRateLimits>();
        for (var i = 0; i < 4; i++)
        {
            instances.Add(Limits(await InstanceAsync()));
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => AcquiredAsync(instances[i % 4], "caller-a")));

        Assert.Equal(10, results.Count(acquired => acquired));
    }

    [Fact]
    public async Task WindowOver_CountStartsAfresh()
    {
        var limits = Limits(await InstanceAsync());
        for (var i = 1; i <= 11; i++)
        {
            await AcquiredAsync(limits, "caller-a");
        }

        Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.False(await AcquiredAsync(limits, "caller-a"));

        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await AcquiredAsync(limits, "caller-a"));
    }

    [Fact]
    public async Task SeveralWindows_TheTightestRefuses_RetryAfterIsTheLongestWait()
    {
        var limits = Limits(await InstanceAsync());
        RateWindow[] windows = [new(3, TimeSpan.FromMinutes(1)), new(5, TimeSpan.FromHours(1))];

        for (var i = 1; i <= 3; i++)
        {
            Assert.True(await AcquiredAsync(limits, "client-a", windows));
        }

        Assert.False(await AcquiredAsync(limits, "client-a", windows));
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await AcquiredAsync(limits, "client-a", windows)); // 5th of the hour
        using var refused = await AcquireAsync(limits, "client-a", windows);

        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromMinutes(59), retryAfter);
    }

    [Fact]
    public async Task Prune_DeletesWindowsThatAreOver_KeepsTheCurrentOnes()
    {
        var database = await InstanceAsync();
        var limits = Limits(database);
        await AcquiredAsync(limits, "old");
        Clock.Advance(TimeSpan.FromHours(1));
        await AcquiredAsync(limits, "current");

        var pruned = await new RateLimitCounters(database).PruneAsync(Clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal(1, pruned);
        var keys = await database.ReadAsync(c => c.QueryAsync<string>("SELECT partition_key FROM rate_limit_windows"), CancellationToken.None);
        Assert.Equal([$"{Policy}:current/3600s"], keys);
    }

    [Fact]
    public async Task Refusals_Counted()
    {
        var limits = Limits(await InstanceAsync());
        using var recorder = Recorder();
        for (var i = 1; i <= 12; i++)
        {
            await AcquiredAsync(limits, "caller-a");
        }

        Assert.Equal(2, recorder.Sum("phonebooking.rate_limit.refused", "policy", Policy));
        Assert.Equal(0, recorder.Sum("phonebooking.rate_limit.failed_open", "policy", Policy));
    }

    [Fact]
    public async Task NoWindows_NoLimit_AndNothingStored()
    {
        var database = await InstanceAsync();
        var limiter = PartitionedRateLimiter.Create<string, string>(subject => Limits(database).Partition(Policy, subject, []));

        for (var i = 0; i < 20; i++)
        {
            using var lease = await limiter.AcquireAsync("caller-a");
            Assert.True(lease.IsAcquired);
        }

        Assert.Equal(0, await database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM rate_limit_windows"), CancellationToken.None));
    }

    protected SharedRateLimits Limits(IDatabase database, TimeSpan? storeTimeout = null) => new(
        new RateLimitCounters(database),
        Clock,
        Options.Create(new SharedRateLimitOptions { StoreTimeout = storeTimeout ?? TimeSpan.FromSeconds(30) }),
        new RateLimitMetrics(_metrics.GetRequiredService<IMeterFactory>()),
        NullLogger<SharedRateLimits>.Instance);

    protected MetricRecorder Recorder() => new(_metrics.GetRequiredService<IMeterFactory>(), RateLimitMetrics.MeterName);

    protected static async Task<bool> AcquiredAsync(SharedRateLimits limits, string subject, RateWindow[]? windows = null)
    {
        using var lease = await AcquireAsync(limits, subject, windows);
        return lease.IsAcquired;
    }

    /// <summary>As a host asks: through a <see cref="PartitionedRateLimiter"/> whose partitions are the shared ones.</summary>
    protected static async Task<RateLimitLease> AcquireAsync(SharedRateLimits limits, string subject, RateWindow[]? windows = null)
    {
        using var limiter = PartitionedRateLimiter.Create<string, string>(s => limits.Partition(Policy, s, windows ?? TenAnHour));
        return await limiter.AcquireAsync(subject);
    }
}
