using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.Sessions;
using PhoneBooking.IvrHost.Tests.Storage;
using PhoneBooking.Storage;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Sessions;

public sealed class ExpiredSessionPurgerTests : IAsyncLifetime
{
    private readonly InMemoryLoggerProvider _logs = new();
    private LineStores _stores = null!;

    public async Task InitializeAsync() => _stores = await LineStores.StartAsync(StorageProvider.Sqlite);

    public async Task DisposeAsync() => await _stores.DisposeAsync();

    [Fact]
    public async Task Tick_AfterRetention_DeletesTheExpiredSessionAndKeepsTheFreshOne()
    {
        var store = _stores.Get<ICallSessionStore>();
        await store.TryInsertAsync(new CallSessionRecord("CAexpiring", "x"));
        await store.MarkCompletedAsync("CAexpiring");
        using var purger = Purger(store, retention: TimeSpan.FromDays(1), interval: TimeSpan.FromHours(1));

        await purger.StartAsync(CancellationToken.None);
        await UntilAsync(() => PurgeCounts().Count == 1);
        Assert.NotNull(await store.GetAsync("CAexpiring"));

        _stores.Clock.Advance(TimeSpan.FromHours(23));
        await store.TryInsertAsync(new CallSessionRecord("CAfresh", "x"));
        _stores.Clock.Advance(TimeSpan.FromHours(2)); // the tick at 25 h is the first whose cutoff passes the session
        await UntilAsync(() => PurgeCounts().Contains(1));

        Assert.Null(await store.GetAsync("CAexpiring"));
        Assert.NotNull(await store.GetAsync("CAfresh"));
        await purger.StopAsync(CancellationToken.None);
    }

    private ExpiredSessionPurger Purger(ICallSessionStore store, TimeSpan retention, TimeSpan interval) => new(
        store,
        Options.Create(new SessionsOptions { Retention = retention, PurgeInterval = interval }),
        _stores.Clock,
        new LoggerFactory([_logs]).CreateLogger<ExpiredSessionPurger>());

    private List<int> PurgeCounts() =>
        [.. _logs.Records.Where(r => r.EventId.Name == "SessionsPurged").Select(r => (int)r.Properties["Deleted"]!)];

    /// <summary>Waits for the background loop to act on a tick the test already gave it (never for time to pass).</summary>
    private async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), string.Join(Environment.NewLine, _logs.Records.Select(r => $"{r.EventId.Name}: {r.Message} {r.Exception}")));
    }
}
