using PhoneBooking.IvrHost.Sessions;
using PhoneBooking.IvrHost.Tests.Storage;
using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.Tests.Sessions;

public abstract class CallSessionStoreContract : LineStoreContract
{
    private const string CallSid = "CA0123456789abcdef0123456789abcdef";

    private ICallSessionStore Store => Get<ICallSessionStore>();

    [Fact]
    public async Task Insert_ThenGet_RoundTripsEveryField()
    {
        var store = Store;
        var created = Clock.GetUtcNow();

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
        var store = Store;

        Assert.Null(await store.GetAsync("CAunknown"));
    }

    [Fact]
    public async Task Insert_SameCallSidTwice_SecondReturnsFalseAndKeepsFirst()
    {
        var store = Store;

        Assert.True(await store.TryInsertAsync(new CallSessionRecord(CallSid, "first")));
        Assert.False(await store.TryInsertAsync(new CallSessionRecord(CallSid, "second")));

        Assert.Equal("first", (await store.GetAsync(CallSid))!.Payload);
    }

    [Fact]
    public async Task Update_WithCurrentVersion_StoresNextVersionAndTouchesUpdatedAt()
    {
        var store = Store;
        await store.TryInsertAsync(new CallSessionRecord(CallSid, "v1"));
        var read = (await store.GetAsync(CallSid))!;
        Clock.Advance(TimeSpan.FromSeconds(7));

        Assert.True(await store.TryUpdateAsync(read with { Payload = "v2", Resumable = true }, read.Version));
        var stored = (await store.GetAsync(CallSid))!;

        Assert.Equal(("v2", 2L, true), (stored.Payload, stored.Version, stored.Resumable));
        Assert.Equal(read.CreatedAt, stored.CreatedAt);
        Assert.Equal(read.CreatedAt.AddSeconds(7), stored.UpdatedAt);
    }

    [Fact]
    public async Task Update_WithStaleVersion_ReturnsFalseAndChangesNothing()
    {
        var store = Store;
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
        var store = Store;

        Assert.False(await store.TryUpdateAsync(new CallSessionRecord("CAunknown", "x"), 1));
        Assert.Null(await store.GetAsync("CAunknown"));
    }

    [Fact]
    public async Task Update_ManyWritersFromTheSameVersion_ExactlyOneWins()
    {
        var store = Store;
        await store.TryInsertAsync(new CallSessionRecord(CallSid, "v1"));
        var read = (await store.GetAsync(CallSid))!;

        // Two store instances, as two processes on one database would have.
        var other = (await Stores.OpenAnotherAsync()).Get<ICallSessionStore>();
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
        var store = Store;
        await store.TryInsertAsync(new CallSessionRecord("CAold", "old") { CallerKey = "caller", Resumable = true });
        Clock.Advance(TimeSpan.FromMinutes(30));
        var windowStart = Clock.GetUtcNow();
        await store.TryInsertAsync(new CallSessionRecord("CAfinished", "done") { CallerKey = "caller", Resumable = false });
        Clock.Advance(TimeSpan.FromMinutes(1));
        await store.TryInsertAsync(new CallSessionRecord("CAopen", "open") { CallerKey = "caller", Resumable = true });
        await store.TryInsertAsync(new CallSessionRecord("CAsomeoneelse", "other") { CallerKey = "another", Resumable = true });
        await store.MarkCompletedAsync("CAopen");

        var found = await store.FindResumableAsync("caller", windowStart);

        Assert.Equal("CAopen", found?.CallSid);
        Assert.Equal(CallSessionStatus.Completed, found!.Status);
        Assert.Null(await store.FindResumableAsync("caller", Clock.GetUtcNow().AddSeconds(1)));
        Assert.Null(await store.FindResumableAsync("nobody", windowStart));
    }

    [Fact]
    public async Task MarkCompleted_FirstCallEndsIt_RepeatsAndUnknownCallsReturnFalse()
    {
        var store = Store;
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
        var store = Store;
        await store.TryInsertAsync(new CallSessionRecord(CallSid, "v1"));
        var read = (await store.GetAsync(CallSid))!;

        await store.MarkCompletedAsync(CallSid);

        Assert.False(await store.TryUpdateAsync(read with { Payload = "late" }, read.Version));
    }

    [Fact]
    public async Task Purge_DeletesOnlySessionsLastUpdatedBeforeTheCutoff()
    {
        var store = Store;
        await store.TryInsertAsync(new CallSessionRecord("CAended", "x"));
        await store.MarkCompletedAsync("CAended");
        await store.TryInsertAsync(new CallSessionRecord("CAabandoned", "x"));
        Clock.Advance(TimeSpan.FromDays(2));
        var cutoff = Clock.GetUtcNow();
        await store.TryInsertAsync(new CallSessionRecord("CArecent", "x"));
        await store.MarkCompletedAsync("CArecent");

        Assert.Equal(2, await store.PurgeAsync(cutoff));

        Assert.Null(await store.GetAsync("CAended"));
        Assert.Null(await store.GetAsync("CAabandoned"));
        Assert.NotNull(await store.GetAsync("CArecent"));
    }

    [Fact]
    public async Task Restart_NewStoreOnTheSameDatabase_SeesEverySessionAndItsVersion()
    {
        var before = Store;
        await before.TryInsertAsync(new CallSessionRecord(CallSid, "v1") { CallerKey = "caller", Resumable = true });
        var read = (await before.GetAsync(CallSid))!;
        await before.TryUpdateAsync(read with { Payload = "v2" }, read.Version);

        var after = (await Stores.OpenAnotherAsync()).Get<ICallSessionStore>();

        var stored = await after.GetAsync(CallSid);
        Assert.Equal(("v2", 2L), (stored!.Payload, stored.Version));
        Assert.Equal(CallSid, (await after.FindResumableAsync("caller", read.CreatedAt))?.CallSid);
        Assert.False(await after.TryUpdateAsync(read with { Payload = "stale" }, read.Version));
    }

    [Fact]
    public async Task Payload_StoredEncrypted_BoundToItsCall()
    {
        await Store.TryInsertAsync(new CallSessionRecord(CallSid, """{"birthDate":"1950-03-23","callbackNumber":"+14165550199"}"""));
        await Store.TryInsertAsync(new CallSessionRecord("CAother", "{}"));

        var raw = await Stores.RawTextAsync("call_sessions");
        Assert.DoesNotContain("1950-03-23", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("4165550199", raw, StringComparison.Ordinal);

        // A ciphertext moved to another call's row does not decrypt there.
        await Stores.ExecuteAsync("UPDATE call_sessions SET payload = (SELECT payload FROM call_sessions WHERE call_sid = @CallSid) WHERE call_sid = 'CAother'", new { CallSid });
        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => Store.GetAsync("CAother"));
    }

    [Fact]
    public async Task Payload_StoredBeforeEncryption_ReadAsItIs_AndEncryptedWhenNextWritten()
    {
        await Stores.ExecuteAsync(
            $"INSERT INTO call_sessions (call_sid, version, caller_key, status, resumable, payload, created_at, updated_at) VALUES (@CallSid, 1, NULL, 'active', {(Provider == StorageProvider.Postgres ? "false" : "0")}, '{{\"state\":\"Welcome\"}}', 0, 0)",
            new { CallSid });

        var legacy = (await Store.GetAsync(CallSid))!;
        Assert.Equal("""{"state":"Welcome"}""", legacy.Payload);
        Assert.True(await Store.TryUpdateAsync(legacy with { Payload = """{"state":"MainMenu"}""" }, legacy.Version));

        Assert.DoesNotContain("MainMenu", await Stores.RawTextAsync("call_sessions"), StringComparison.Ordinal);
        Assert.Equal("""{"state":"MainMenu"}""", (await Store.GetAsync(CallSid))!.Payload);
    }

    [Fact]
    public async Task Ping_TableThere_Passes()
    {
        await Store.PingAsync();
    }
}

public sealed class SqliteCallSessionStoreTests : CallSessionStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;

    [Fact]
    public async Task Initialize_UsesWriteAheadLogging()
    {
        Assert.Equal("wal", await Stores.ScalarAsync<string>("PRAGMA journal_mode"));
    }
}

public sealed class PostgresCallSessionStoreTests : CallSessionStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
