using PhoneBooking.IvrHost.Sessions;

namespace PhoneBooking.IvrHost.Tests.Sessions;

public sealed class SqliteCallSessionStoreTests : IDisposable
{
    private const string CallSid = "CA0123456789abcdef0123456789abcdef";
    private readonly SessionStoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Insert_ThenGet_RoundTripsEveryField()
    {
        var store = await _fixture.OpenStoreAsync();
        var created = _fixture.Clock.GetUtcNow();

        Assert.True(await store.TryInsertAsync(new CallSessionRecord(CallSid, """{"state":"Welcome"}""") { CallerKey = "k1", Resumable = true }));
        var stored = await store.GetAsync(CallSid);

        Assert.NotNull(stored);
        Assert.Equal("""{"state":"Welcome"}""", stored.Payload);
        Assert.Equal(1, stored.Version);
        Assert.Equal("k1", stored.CallerKey);
        Assert.Equal(CallSessionStatus.Active, stored.Status);
        Assert.True(stored.Resumable);
        Assert.Equal(created, stored.CreatedAt);
        Assert.Equal(created, stored.UpdatedAt);
    }

    [Fact]
    public async Task Get_UnknownCallSid_ReturnsNull()
    {
        var store = await _fixture.OpenStoreAsync();

        Assert.Null(await store.GetAsync("CAunknown"));
    }

    [Fact]
    public async Task Insert_SameCallSidTwice_SecondReturnsFalseAndKeepsFirst()
    {
        var store = await _fixture.OpenStoreAsync();

        Assert.True(await store.TryInsertAsync(new CallSessionRecord(CallSid, "first")));
        Assert.False(await store.TryInsertAsync(new CallSessionRecord(CallSid, "second")));

        Assert.Equal("first", (await store.GetAsync(CallSid))!.Payload);
    }

    [Fact]
    public async Task Update_WithCurrentVersion_StoresNextVersionAndTouchesUpdatedAt()
    {
        var store = await _fixture.OpenStoreAsync();
        await store.TryInsertAsync(new CallSessionRecord(CallSid, "v1"));
        var read = (await store.GetAsync(CallSid))!;
        _fixture.Clock.Advance(TimeSpan.FromSeconds(7));

        Assert.True(await store.TryUpdateAsync(read with { Payload = "v2", Resumable = true }, read.Version));
        var stored = (await store.GetAsync(CallSid))!;

        Assert.Equal(("v2", 2L, true), (stored.Payload, stored.Version, stored.Resumable));
        Assert.Equal(read.CreatedAt, stored.CreatedAt);
        Assert.Equal(read.CreatedAt.AddSeconds(7), stored.UpdatedAt);
    }

    [Fact]
    public async Task Update_WithStaleVersion_ReturnsFalseAndChangesNothing()
    {
        var store = await _fixture.OpenStoreAsync();
        await store.TryInsertAsync(new CallSessionRecord(CallSid, "v1"));
        var read = (await store.GetAsync(CallSid))!;
        Assert.True(await store.TryUpdateAsync(read with { Payload = "v2" }, read.Version));

        Assert.False(await store.TryUpdateAsync(read with { Payload = "stale" }, read.Version));

        var stored = (await store.GetAsync(CallSid))!;
        Assert.Equal(("v2", 2L), (stored.Payload, stored.Version));
    }

    [Fact]
    public async Task Update_UnknownCallSid_ReturnsFalse()
    {
        var store = await _fixture.OpenStoreAsync();

        Assert.False(await store.TryUpdateAsync(new CallSessionRecord("CAunknown", "x"), 1));
        Assert.Null(await store.GetAsync("CAunknown"));
    }

    [Fact]
    public async Task Update_ManyWritersFromTheSameVersion_ExactlyOneWins()
    {
        var store = await _fixture.OpenStoreAsync();
        await store.TryInsertAsync(new CallSessionRecord(CallSid, "v1"));
        var read = (await store.GetAsync(CallSid))!;

        // Two store instances, as two processes on one file would have.
        var other = await _fixture.OpenStoreAsync();
        var writers = Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            (i % 2 == 0 ? store : other).TryUpdateAsync(read with { Payload = $"writer-{i}" }, read.Version)));
        var results = await Task.WhenAll(writers);

        Assert.Single(results, won => won);
        var stored = (await store.GetAsync(CallSid))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal($"writer-{Array.IndexOf(results, true)}", stored.Payload);
    }

    [Fact]
    public async Task FindResumable_ReturnsTheCallersNewestResumableSessionWithinTheWindow()
    {
        var store = await _fixture.OpenStoreAsync();
        await store.TryInsertAsync(new CallSessionRecord("CAold", "old") { CallerKey = "caller", Resumable = true });
        _fixture.Clock.Advance(TimeSpan.FromMinutes(30));
        var windowStart = _fixture.Clock.GetUtcNow();
        await store.TryInsertAsync(new CallSessionRecord("CAfinished", "done") { CallerKey = "caller", Resumable = false });
        _fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await store.TryInsertAsync(new CallSessionRecord("CAopen", "open") { CallerKey = "caller", Resumable = true });
        await store.TryInsertAsync(new CallSessionRecord("CAsomeoneelse", "other") { CallerKey = "another", Resumable = true });
        await store.MarkCompletedAsync("CAopen");

        var found = await store.FindResumableAsync("caller", windowStart);

        Assert.Equal("CAopen", found?.CallSid);
        Assert.Equal(CallSessionStatus.Completed, found!.Status);
        Assert.Null(await store.FindResumableAsync("caller", _fixture.Clock.GetUtcNow().AddSeconds(1)));
        Assert.Null(await store.FindResumableAsync("nobody", windowStart));
    }

    [Fact]
    public async Task MarkCompleted_FirstCallEndsIt_RepeatsAndUnknownCallsReturnFalse()
    {
        var store = await _fixture.OpenStoreAsync();
        await store.TryInsertAsync(new CallSessionRecord(CallSid, "v1") { Resumable = true });

        Assert.True(await store.MarkCompletedAsync(CallSid));
        Assert.False(await store.MarkCompletedAsync(CallSid));
        Assert.False(await store.MarkCompletedAsync("CAunknown"));

        var stored = (await store.GetAsync(CallSid))!;
        Assert.Equal((CallSessionStatus.Completed, 2L, true), (stored.Status, stored.Version, stored.Resumable));
    }

    [Fact]
    public async Task MarkCompleted_MovesTheVersion_SoAnInFlightWriteLoses()
    {
        var store = await _fixture.OpenStoreAsync();
        await store.TryInsertAsync(new CallSessionRecord(CallSid, "v1"));
        var read = (await store.GetAsync(CallSid))!;

        await store.MarkCompletedAsync(CallSid);

        Assert.False(await store.TryUpdateAsync(read with { Payload = "late" }, read.Version));
    }

    [Fact]
    public async Task Purge_DeletesOnlySessionsLastUpdatedBeforeTheCutoff()
    {
        var store = await _fixture.OpenStoreAsync();
        await store.TryInsertAsync(new CallSessionRecord("CAended", "x"));
        await store.MarkCompletedAsync("CAended");
        await store.TryInsertAsync(new CallSessionRecord("CAabandoned", "x"));
        _fixture.Clock.Advance(TimeSpan.FromDays(2));
        var cutoff = _fixture.Clock.GetUtcNow();
        await store.TryInsertAsync(new CallSessionRecord("CArecent", "x"));
        await store.MarkCompletedAsync("CArecent");

        Assert.Equal(2, await store.PurgeAsync(cutoff));

        Assert.Null(await store.GetAsync("CAended"));
        Assert.Null(await store.GetAsync("CAabandoned"));
        Assert.NotNull(await store.GetAsync("CArecent"));
    }

    [Fact]
    public async Task Restart_NewStoreOnTheSameFile_SeesEverySessionAndItsVersion()
    {
        var before = await _fixture.OpenStoreAsync();
        await before.TryInsertAsync(new CallSessionRecord(CallSid, "v1") { CallerKey = "caller", Resumable = true });
        var read = (await before.GetAsync(CallSid))!;
        await before.TryUpdateAsync(read with { Payload = "v2" }, read.Version);

        var after = await _fixture.OpenStoreAsync();

        var stored = await after.GetAsync(CallSid);
        Assert.Equal(("v2", 2L), (stored!.Payload, stored.Version));
        Assert.Equal(CallSid, (await after.FindResumableAsync("caller", read.CreatedAt))?.CallSid);
        Assert.False(await after.TryUpdateAsync(read with { Payload = "stale" }, read.Version));
    }

    [Fact]
    public async Task Initialize_UsesWriteAheadLogging()
    {
        await _fixture.OpenStoreAsync();

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_fixture.Data.File("sessions.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}
