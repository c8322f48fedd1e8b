using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.IvrHost.Tests.Storage;
using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.Tests.Handoffs;

/// <summary>Callers waiting for a person: recorded once per call, claimed by one agent, what they said kept encrypted.</summary>
public abstract class HandoffDeskContract : LineStoreContract
{
    private IHandoffDesk Desk => Get<IHandoffDesk>();

    [Fact]
    public async Task Record_ReplayedWebhook_OneHandoff_ReadBackWhole()
    {
        await Desk.RecordAsync(Session("CA1"), CallState.ConfirmBirthDate, None);
        await Desk.RecordAsync(Session("CA1") with { BirthDate = new DateOnly(1999, 1, 1) }, CallState.MainMenu, None);

        var handoff = (await Desk.GetAsync("CA1", None))!;
        Assert.Equal((HandoffReason.BackendDown, CallState.ConfirmBirthDate, "fr-CA", HandoffStatus.Waiting), (handoff.Reason, handoff.ReachedFrom, handoff.Locale, handoff.Status));
        Assert.Equal(HandoffDetails.From(Session("CA1")) with { Preferences = handoff.Details.Preferences, GroupDates = handoff.Details.GroupDates }, handoff.Details);
        Assert.Equal(Session("CA1").Preferences, handoff.Details.Preferences);
    }

    [Fact]
    public async Task Details_StoredEncrypted_BoundToTheirCall()
    {
        await Desk.RecordAsync(Session("CA1"), CallState.ConfirmBirthDate, None);

        var raw = await Stores.RawTextAsync("handoffs");
        Assert.DoesNotContain("1947-08-14", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("6135550142", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("73914826", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_ManyAgentsOnTwoInstances_OneWins_ReleaseOnlyByTheHolder()
    {
        var other = (await Stores.OpenAnotherAsync()).Get<IHandoffDesk>();
        await Desk.RecordAsync(Session("CA1"), CallState.MainMenu, None);

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => (i % 2 == 0 ? Desk : other).ClaimAsync("CA1", $"agent{i}", None))));

        var winner = $"agent{Array.IndexOf(claims, true)}";
        Assert.Single(claims, won => won);
        Assert.Equal((HandoffStatus.Claimed, winner), ((await Desk.GetAsync("CA1", None))!.Status, (await Desk.GetAsync("CA1", None))!.ClaimedBy));
        Assert.False(await Desk.ReleaseAsync("CA1", "someone-else", None));
        Assert.True(await other.ReleaseAsync("CA1", winner.ToUpperInvariant(), None));
        Assert.Equal(HandoffStatus.Waiting, (await Desk.GetAsync("CA1", None))!.Status);
    }

    [Fact]
    public async Task Open_WaitingClaimedAndCallbackRequested_OldestFirst()
    {
        foreach (var call in new[] { "CA1", "CA2", "CA3", "CA4" })
        {
            await Desk.RecordAsync(Session(call), CallState.MainMenu, None);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await Desk.ClaimAsync("CA2", "sam", None);
        Assert.True(await Desk.CallerLeftAsync("CA3", HandoffStatus.CallbackRequested, None));
        Assert.True(await Desk.CallerLeftAsync("CA4", HandoffStatus.Abandoned, None));
        Assert.False(await Desk.CallerLeftAsync("CA2", HandoffStatus.Abandoned, None));
        await Desk.CompleteAsync("CA1", "sam", None);

        Assert.Equal(["CA2", "CA3"], (await Desk.OpenAsync(None)).Select(h => h.CallSid));
    }

    private static CallSession Session(string callSid) => new()
    {
        CallSid = callSid,
        Locale = "fr-CA",
        CallerId = "+16135550142",
        BirthDate = new DateOnly(1947, 8, 14),
        Preferences = [new Preference(null, PartOfDay.Afternoon)],
        LookupCode = "73914826",
        Handoff = HandoffReason.BackendDown,
    };
}

public sealed class SqliteHandoffDeskTests : HandoffDeskContract
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresHandoffDeskTests : HandoffDeskContract
{
    protected override StorageProvider Provider => StorageProvider.Postgres;
}
