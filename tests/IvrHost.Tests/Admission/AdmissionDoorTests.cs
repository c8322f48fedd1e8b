using System.Net;
using System.Xml.Linq;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.IvrHost.Tests.Voice;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Admission;

/// <summary>
/// The door of a full line, through signed webhooks: one call is in progress (the limit), so the next new caller
/// hears that the line is very busy, in both languages, and leaves a number to be called back on — while the
/// call already in the flow, Twilio's status callbacks and the fallback carry on as if nothing happened.
/// </summary>
public sealed class AdmissionDoorTests
{
    private const string Busy = "Our line is very busy right now.";
    private const string BusyFr = "Notre ligne est très occupée en ce moment.";

    [Fact]
    public async Task FullLine_NewCaller_HearsBusyInBothLanguages_ConfirmsTheirNumber_CallbackQueued()
    {
        using var line = new LineDoor();
        await line.Call().DialAsync();
        var caller = line.Call(from: "+14165550188");

        var door = SignedWebhooks.Heard(await caller.DialAsync());
        var readBack = SignedWebhooks.Heard(await caller.PressAsync("1"));
        var done = await caller.PressAsync("1");

        Assert.Contains(Busy, door, StringComparison.Ordinal);
        Assert.Contains(BusyFr, door, StringComparison.Ordinal);
        Assert.Contains("To be called back, press 1.", door, StringComparison.Ordinal);
        Assert.Contains("Pour être rappelé en français, faites le 2.", door, StringComparison.Ordinal);
        Assert.DoesNotContain("To book a vaccine", door, StringComparison.Ordinal);
        Assert.Contains("We will call you at", readBack, StringComparison.Ordinal);
        Assert.Contains("as soon as the line is less busy", SignedWebhooks.Heard(done), StringComparison.Ordinal);
        Assert.Single(done.Descendants("Hangup"));
        var callback = Assert.Single(await line.OpenCallbacksAsync());
        Assert.Equal((CallbackKind.LineBusy, "+14165550188", "en-CA", caller.CallSid), (callback.Request.Kind, callback.Request.Phone, callback.Request.Locale, callback.Request.CallSid));
    }

    [Fact]
    public async Task FullLine_FrenchCaller_IsReadBackInFrench_CallbackQueuedInFrench()
    {
        using var line = new LineDoor();
        await line.Call().DialAsync();
        var caller = line.Call(from: "+15145550177");
        await caller.DialAsync();

        var readBack = SignedWebhooks.Heard(await caller.PressAsync("2"));
        var done = SignedWebhooks.Heard(await caller.PressAsync("1"));

        Assert.Contains("Nous vous appellerons au", readBack, StringComparison.Ordinal);
        Assert.Contains("dès que la ligne sera moins occupée", done, StringComparison.Ordinal);
        var callback = Assert.Single(await line.OpenCallbacksAsync());
        Assert.Equal((CallbackKind.LineBusy, "+15145550177", "fr-CA"), (callback.Request.Kind, callback.Request.Phone, callback.Request.Locale));
    }

    [Fact]
    public async Task FullLine_NoCallerId_MalformedNumberAskedAgain_ThenTheTypedNumberIsQueued()
    {
        using var line = new LineDoor();
        await line.Call().DialAsync();
        var caller = line.Call(from: "anonymous");
        await caller.DialAsync();

        var ask = SignedWebhooks.Heard(await caller.PressAsync("1"));
        var again = SignedWebhooks.Heard(await caller.TypeAsync("5550#"));
        var readBack = SignedWebhooks.Heard(await caller.TypeAsync("6135550142#"));
        var other = SignedWebhooks.Heard(await caller.PressAsync("2"));
        await caller.TypeAsync("6135550143#");
        await caller.PressAsync("1");

        Assert.Contains("Enter your 10-digit phone number", ask, StringComparison.Ordinal);
        Assert.Contains("Sorry, I did not understand that.", again, StringComparison.Ordinal);
        Assert.Contains("For example, press 6 1 3", again, StringComparison.Ordinal);
        Assert.Contains("We will call you at", readBack, StringComparison.Ordinal);
        Assert.Contains("Enter your 10-digit phone number", other, StringComparison.Ordinal);
        var callback = Assert.Single(await line.OpenCallbacksAsync());
        Assert.Equal("+16135550143", callback.Request.Phone);
    }

    [Fact]
    public async Task FullLine_AgentsHaveRoom_ZeroIsOfferedAndReachesAPerson()
    {
        using var line = new LineDoor(new Dictionary<string, string?> { ["Admission:MaxHandoffsWaiting"] = "5" });
        await line.Call().DialAsync();
        var caller = line.Call();

        var door = SignedWebhooks.Heard(await caller.DialAsync());
        var person = await caller.PressAsync("0");

        Assert.Contains("To talk to a person, press 0.", door, StringComparison.Ordinal);
        Assert.Single(person.Descendants("Enqueue"));
        Assert.Empty(await line.OpenCallbacksAsync());
    }

    [Fact]
    public async Task FullLine_AgentsFull_ZeroIsNeitherOfferedNorTaken_TheCallBackIsOfferedAgain()
    {
        using var line = new LineDoor(new Dictionary<string, string?> { ["Admission:MaxHandoffsWaiting"] = "0" });
        await line.Call().DialAsync();
        var caller = line.Call();

        var door = SignedWebhooks.Heard(await caller.DialAsync());
        var zero = await caller.PressAsync("0");

        Assert.DoesNotContain("press 0", door, StringComparison.Ordinal);
        Assert.DoesNotContain("faites le 0", door, StringComparison.Ordinal);
        Assert.Empty(zero.Descendants("Enqueue"));
        Assert.Contains("all our agents are busy too", SignedWebhooks.Heard(zero), StringComparison.Ordinal);
        Assert.Contains("To be called back, press 1.", SignedWebhooks.Heard(zero), StringComparison.Ordinal);
        Assert.Single(zero.Descendants("Gather"));
    }

    [Fact]
    public async Task FullLine_TheAdmittedCallsOwnWebhooks_StatusCallbacksAndTheFallback_AreNeverShed()
    {
        using var line = new LineDoor();
        var first = line.Call();
        var welcome = SignedWebhooks.Heard(await first.DialAsync());
        Assert.Contains(Busy, SignedWebhooks.Heard(await line.Call().DialAsync()), StringComparison.Ordinal);

        // Twilio repeats the first request of the admitted call, then the caller goes on: same call, same door.
        var repeated = SignedWebhooks.Heard(await first.DialAsync());
        var menu = SignedWebhooks.Heard(await first.PressAsync("1"));
        using var status = await first.PostAsync("/voice/status", first.Fields(("CallStatus", "completed"), ("CallDuration", "30")));
        var fallback = await first.TwimlAsync("/voice/fallback", first.Fields());

        Assert.DoesNotContain(Busy, welcome, StringComparison.Ordinal);
        Assert.Contains("For English, press 1.", repeated, StringComparison.Ordinal);
        Assert.DoesNotContain(Busy, repeated, StringComparison.Ordinal);
        Assert.Contains("To book a vaccine, press 1.", menu, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, status.StatusCode);
        Assert.NotEmpty(SignedWebhooks.Heard(fallback));
        Assert.Equal((1, 1), (line.Admitted, line.Shed("calls-in-progress")));
    }

    [Fact]
    public async Task FullLine_CallerAlreadyInTheFlow_BooksToTheConfirmationCode()
    {
        using var line = new LineDoor(embeddedApi: true);
        var booking = line.Call();
        await Caller.UntilWaitChoiceAsync(booking);

        foreach (var _ in Enumerable.Range(0, 3))
        {
            Assert.Contains(Busy, SignedWebhooks.Heard(await line.Call().DialAsync()), StringComparison.Ordinal);
        }

        await booking.PressAsync("1"); // wait on the line
        await Caller.HoldUntilOfferAsync(booking);
        var booked = SignedWebhooks.Heard(await booking.PressAsync("1"));

        Assert.Contains("It is booked.", booked, StringComparison.Ordinal);
        Assert.Equal((1, 3), (line.Admitted, line.Shed("calls-in-progress")));
    }

    [Fact]
    public async Task CallEnds_TheDoorOpensAgain_OnceTheSharedCountIsReadAgain()
    {
        using var line = new LineDoor(new Dictionary<string, string?> { ["Admission:CountsRefresh"] = "00:00:00.1" });
        var first = line.Call();
        await first.DialAsync();
        var turned = line.Call();
        Assert.Contains(Busy, SignedWebhooks.Heard(await turned.DialAsync()), StringComparison.Ordinal);
        await EndAsync(first);
        await EndAsync(turned);

        // Each caller turned away hangs up; the line is empty, and a new caller gets in once the count is read again.
        XDocument? admitted = null;
        await Eventually.HoldsAsync(
            async () => !SignedWebhooks.Heard(admitted = await EndedBusyCallThenDialAsync(line)).Contains(Busy, StringComparison.Ordinal),
            "a new caller is admitted after the calls in progress ended");

        Assert.Contains("For English, press 1.", SignedWebhooks.Heard(admitted!), StringComparison.Ordinal);
    }

    private static async Task<XDocument> EndedBusyCallThenDialAsync(LineDoor line)
    {
        var caller = line.Call();
        var heard = await caller.DialAsync();
        await EndAsync(caller);
        return heard;
    }

    private static async Task EndAsync(SignedWebhooks call)
    {
        using var ended = await call.PostAsync("/voice/status", call.Fields(("CallStatus", "completed")));
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
    }
}
