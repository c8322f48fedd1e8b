using System.Xml.Linq;
using PhoneBooking.IvrHost.AgentConsole.Accounts;
using PhoneBooking.IvrHost.AgentConsole.Audit;
using PhoneBooking.IvrHost.AgentConsole.Bookings;
using PhoneBooking.IvrHost.AgentConsole.Calls;
using PhoneBooking.IvrHost.AgentConsole.Storage;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.IvrHost.Outbound;
using PhoneBooking.IvrHost.Tests.Storage;
using PhoneBooking.SchedulingClient.Contracts;
using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.Tests.AgentConsole.Storage;

/// <summary>The console's stores and the ledger of texts, on either provider: what every instance must agree on.</summary>
public abstract class ConsoleStoreContract : LineStoreContract
{
    [Fact]
    public async Task Sessions_EndedOnOneInstance_ClosedOnEvery()
    {
        var other = (await Stores.OpenAnotherAsync()).Get<ConsoleSessions>();
        var sessions = Get<ConsoleSessions>();
        var first = await sessions.StartAsync("Sam", None);
        var second = await sessions.StartAsync("sam", None);

        Assert.True(await other.IsOpenAsync(first, "SAM", None));
        Assert.False(await other.IsOpenAsync(first, "alex", None));

        await other.EndAsync(first, None);
        Assert.False(await sessions.IsOpenAsync(first, "sam", None));
        Assert.Equal(1, await sessions.EndAllAsync("sam", None));
        Assert.False(await other.IsOpenAsync(second, "sam", None));
    }

    [Fact]
    public async Task Throttle_WrongPasswordsAtOnceOnTwoInstances_EveryOneCounted()
    {
        var other = (await Stores.OpenAnotherAsync()).Get<SignInThrottle>();
        var throttle = Get<SignInThrottle>();
        var account = new AgentAccount { Name = "sam" };

        // Five failures from five addresses: the account's own count makes the sixth wait.
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Task.Run(() => (i % 2 == 0 ? throttle : other).FailedAsync(account, "sam", $"10.0.0.{i}", None))));

        Assert.NotNull(await throttle.WaitUntilAsync(account, "sam", "10.0.0.99", None));
        Assert.Equal(["sam"], (await other.WaitingAsync(None)).Select(w => w.Account));
        Assert.Equal(6, await other.UnlockAsync("sam", None)); // the account and the five addresses whose last try it was
        Assert.Null(await throttle.WaitUntilAsync(account, "sam", "10.0.0.99", None));
    }

    [Fact]
    public async Task Audit_ActionsFromTwoInstances_NewestFirst()
    {
        var other = (await Stores.OpenAnotherAsync()).Get<AuditTrail>();
        await Get<AuditTrail>().RecordAsync("sam", AuditActions.Claim, "CA1", AuditOutcomes.Ok, cancellationToken: None);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await other.RecordAsync("alex", AuditActions.Claim, "CA1", AuditOutcomes.Refused, "taken", None);

        var recent = await Get<AuditTrail>().RecentAsync(10, None);

        Assert.Equal([("alex", "taken"), ("sam", null)], recent.Select(e => (e.Agent, e.Reference)));
        Assert.Equal(Clock.GetUtcNow(), recent[0].At);
    }

    [Fact]
    public async Task Claims_UntouchedSinceTheCutoff_AreStale()
    {
        var desk = Get<IHandoffDesk>();
        var claims = Get<ClaimActivity>();
        foreach (var call in new[] { "CA1", "CA2" })
        {
            await desk.RecordAsync(new CallSession { CallSid = call }, CallState.MainMenu, None);
            await desk.ClaimAsync(call, "sam", None);
        }

        await claims.TouchAsync("CA2", "sam", None);
        Clock.Advance(TimeSpan.FromMinutes(10));
        await claims.TouchAsync("CA1", "sam", None);

        Assert.Equal([new StaleClaim("CA2", "sam")], await claims.StaleAsync(Clock.GetUtcNow().AddMinutes(-5), None));
        await claims.ForgetAsync("CA1", None);
        Assert.Equal(2, (await claims.StaleAsync(Clock.GetUtcNow().AddMinutes(-5), None)).Count);
    }

    [Fact]
    public async Task Bookings_OnePerHandoff_StatusAndCardStoredEncrypted()
    {
        var store = Get<AgentBookingStore>();
        var booking = new AgentBooking("h1", "CA1", "sam", AgentBookingState.Pending, null, null, "•••• ••• 890", WaitedForBackend: true, Clock.GetUtcNow(), Clock.GetUtcNow());

        Assert.True(await store.TryAddAsync(booking, "key-1", None));
        Assert.False(await store.TryAddAsync(booking with { Agent = "alex" }, "key-2", None));
        var status = new BookingRequestStatus("br_1", RequestStatus.Booked, Channel.Agent, null, null, null, 1, 0, null,
            new Booking("48213907", "north", "North", "North", Clock.GetUtcNow(), Clock.GetUtcNow().AddHours(1), BookingStatus.Confirmed));
        await store.UpdateAsync("h1", "br_1", status, None);

        var (read, key) = (await store.GetAsync("h1", None))!.Value;
        Assert.Equal(("key-1", AgentBookingState.Submitted, "br_1", "•••• ••• 890", true), (key, read.State, read.RequestId, read.HealthCardMasked, read.WaitedForBackend));
        Assert.Equal(status, read.Status);
        Assert.Single(await store.RecentAsync(Clock.GetUtcNow(), None));
        var raw = await Stores.RawTextAsync("agent_bookings");
        Assert.DoesNotContain("48213907", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("890", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Texts_SameNumberFromTwoInstancesAtOnce_NeverPastTheCap()
    {
        var other = (await Stores.OpenAnotherAsync()).Get<TextLedger>();
        var ledger = Get<TextLedger>();

        var permits = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            (i % 2 == 0 ? ledger : other).ReserveAsync($"call-{i}", "number-1", $"subject-{i}", perCall: 3, perNumberPerDay: 4, Clock.GetUtcNow(), None))));

        Assert.Equal(4, permits.Count(p => p.Permit == TextPermit.Allowed));
        Assert.All(permits.Where(p => p.Permit != TextPermit.Allowed), p => Assert.Equal(TextPermit.PerNumberCap, p.Permit));
        await ledger.ReleaseAsync(permits.First(p => p.Reservation is not null).Reservation!.Value, None);
        Assert.Equal(TextPermit.Allowed, (await other.ReserveAsync("call-x", "number-1", "s", 3, 4, Clock.GetUtcNow(), None)).Permit);
    }

    [Fact]
    public async Task DataProtectionKeys_StoredOnOneInstance_ReadOnAnother()
    {
        var other = (await Stores.OpenAnotherAsync()).Get<DatabaseXmlRepository>();
        Get<DatabaseXmlRepository>().StoreElement(new XElement("key", new XAttribute("id", "k1")), "key-k1");
        Get<DatabaseXmlRepository>().StoreElement(new XElement("key", new XAttribute("id", "k2")), "key-k2");

        Assert.Equal(["k1", "k2"], other.GetAllElements().Select(e => e.Attribute("id")!.Value));
    }
}

public sealed class SqliteConsoleStoreTests : ConsoleStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresConsoleStoreTests : ConsoleStoreContract
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
