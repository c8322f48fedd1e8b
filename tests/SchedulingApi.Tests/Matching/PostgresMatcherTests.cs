using System.Collections.Concurrent;
using System.Diagnostics;
using Dapper;
using Npgsql;
using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Tests.Matching;

/// <summary>The matcher on PostgreSQL, where other instances hold rows at the same moment and every statement is a round trip.</summary>
public sealed class PostgresMatcherTests : ApiTest
{
    private static readonly TimeSpan Toronto = TimeSpan.FromHours(-5);

    protected override StorageProvider Provider => StorageProvider.Postgres;

    [Fact]
    public async Task Match_EarliestWindowHeldByAnotherInstance_NextWindowOfferedWithoutWaiting()
    {
        var accepted = await Client.SubmitAsync(ApiCalls.BookingRequest(preferences: [new { date = "2026-11-23", partOfDay = "morning" }]));
        var earliest = new DateTimeOffset(2026, 11, 23, 11, 0, 0, Toronto); // now 09:00 plus the 2-hour lead: north and south both open
        await using var other = new NpgsqlConnection(Api.PostgresConnectionString);
        await other.OpenAsync();
        await using var holding = await other.BeginTransactionAsync();
        await other.ExecuteAsync(
            "SELECT 1 FROM windows WHERE site_id = 'north' AND start_ms = @Start FOR UPDATE", new { Start = earliest.ToUnixTimeMilliseconds() }, holding);

        var pass = await Api.MatchAsync();

        Assert.Equal(1, pass.OffersMade);
        var offer = await Client.OfferAsync(accepted.RequestId);
        Assert.Equal(("south", earliest), (offer.SiteId, offer.WindowStart));
        await holding.RollbackAsync();
    }

    /// <summary>The drain rate on PostgreSQL is round trips: a batch must cost the same few statements however many it offers.</summary>
    [Fact]
    public async Task Match_BatchOfManyRequests_SameStatementsAsABatchOfTwo()
    {
        var database = new NpgsqlConnectionStringBuilder(Api.PostgresConnectionString).Database!;
        await Api.MatchAsync(); // the first pass of a process also purges old idempotency keys
        await SubmitAsync(2);
        var forTwo = await CountStatementsAsync(database, () => Api.MatchAsync());
        await SubmitAsync(60);
        var forSixty = await CountStatementsAsync(database, () => Api.MatchAsync());

        Assert.Equal((2, 60), (forTwo.Pass.OffersMade, forSixty.Pass.OffersMade));
        Assert.InRange(forTwo.Statements, 1, 20); // the whole pass, of which the offer batch is 8 (the old path: 5 a request)
        Assert.Equal(forTwo.Statements, forSixty.Statements);
    }

    private async Task SubmitAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Client.SubmitAsync(ApiCalls.BookingRequest(channel: i % 2 == 0 ? "web" : "phone", preferences: [new { partOfDay = i % 3 == 0 ? "evening" : "morning" }]));
        }
    }

    /// <summary>Counts the commands Npgsql sends to <paramref name="database"/> (its tracing) while <paramref name="work"/> runs.</summary>
    private static async Task<(T Pass, int Statements)> CountStatementsAsync<T>(string database, Func<Task<T>> work)
    {
        var statements = new ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.TagObjects.Any(tag => Equals(tag.Value, database)))
                {
                    statements.Add(activity.DisplayName);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var pass = await work();
        return (pass, statements.Count);
    }
}
