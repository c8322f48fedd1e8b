using System.Xml.Linq;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Voice;
using PhoneBooking.Prompts;
using PhoneBooking.Prompts.Catalog;
using static PhoneBooking.IvrHost.Tests.CallFlow.CallFlowTestData;

namespace PhoneBooking.IvrHost.Tests.Voice;

/// <summary>Every state of the flow rendered as Twilio would receive it, in both languages: a plain mapping that never throws.</summary>
public sealed class CallTwimlTests
{
    private static readonly PromptCatalog Catalog = PromptCatalog.Load(new PromptOptions { Directory = Path.Combine(AppContext.BaseDirectory, "prompts") });
    private static readonly CallTwiml Twiml = new(new LineSpeaker(Catalog), Options.Create(new LineOptions()));

    public static TheoryData<CallState, string> EveryStateInEveryLocale()
    {
        var data = new TheoryData<CallState, string>();
        foreach (var state in Machine.Flow.States.Values.Where(s => s is AskState or EndState).Select(s => s.State))
        {
            data.Add(state, "en-CA");
            data.Add(state, "fr-CA");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateInEveryLocale))]
    public void Render_EveryStateInEveryLocale_SaysItInThatLanguageAndListensAsTheStepSays(CallState state, string locale)
    {
        var step = Machine.Current(Everything(state, locale), Context);

        var twiml = XDocument.Parse(Twiml.Render(step).ToString());

        var says = twiml.Descendants("Say").ToList();
        Assert.All(says, say => Assert.Equal(locale == "fr-CA" ? "fr-CA" : "en-US", say.Attribute("language")?.Value));
        Assert.All(says, say => Assert.DoesNotContain("{", say.Value, StringComparison.Ordinal));
        switch (step.Next)
        {
            case Listening listening:
                var gather = Assert.Single(twiml.Root!.Elements("Gather"));
                Assert.NotEmpty(says);
                Assert.Equal($"/voice/input?turn={listening.Turn}", gather.Attribute("action")?.Value);
                Assert.Equal(listening.FinishOnKey, gather.Attribute("finishOnKey")?.Value);
                Assert.Equal(listening.NumDigits?.ToString(System.Globalization.CultureInfo.InvariantCulture), gather.Attribute("numDigits")?.Value);
                Assert.Equal(listening.Speech is null ? "dtmf" : "dtmf speech", gather.Attribute("input")?.Value);
                Assert.Equal(listening.Speech?.Language, gather.Attribute("language")?.Value);
                Assert.Equal("true", gather.Attribute("actionOnEmptyResult")?.Value);
                break;
            case HangUp:
                Assert.Equal("Hangup", twiml.Root!.Elements().Last().Name.LocalName);
                break;
            case ToPerson:
                Assert.Equal("Enqueue", twiml.Root!.Elements().Last().Name.LocalName);
                break;
        }
    }

    [Fact]
    public void Render_BeforeALanguageIsChosen_EachLanguageInItsOwnVoice_EnglishThenFrench()
    {
        var step = Machine.Start(new CallSession { CallSid = "CAnew" }, CallEntry.NewCaller, Context);

        var says = XDocument.Parse(Twiml.Render(step).ToString()).Descendants("Say").ToList();

        Assert.Equal(["en-US", "en-US", "fr-CA", "fr-CA"], says.Select(s => s.Attribute("language")?.Value));
        Assert.StartsWith("Hello.", says[0].Value, StringComparison.Ordinal);
        Assert.Equal("For English, press 1.", says[1].Value);
        Assert.StartsWith("Bonjour.", says[2].Value, StringComparison.Ordinal);
        Assert.Equal("Pour le français, faites le 2.", says[3].Value);
    }

    [Fact]
    public void Render_WaitingForAnOffer_HoldMusicFillsTheQuietRounds_WhenTheLineHasSome()
    {
        var music = new Uri("https://cdn.example.org/hold.mp3");
        var withMusic = new CallTwiml(new LineSpeaker(Catalog), Options.Create(new LineOptions { HoldMusicUrl = music }));
        var round = Machine.Current(At(CallState.Waiting, s => s with { RequestId = "br_1", Polls = 1 }), Context) with { Say = [] };

        var gather = XDocument.Parse(withMusic.Render(round).ToString()).Descendants("Gather").Single();
        var without = XDocument.Parse(Twiml.Render(round).ToString()).Descendants("Gather").Single();

        Assert.Equal(music.ToString(), gather.Element("Play")?.Value);
        Assert.Equal(("1", "dtmf"), (gather.Attribute("numDigits")?.Value, gather.Attribute("input")?.Value));
        Assert.Empty(without.Elements());
    }

    [Fact]
    public void Render_CompletedCall_IsABareHangUp()
    {
        var twiml = XDocument.Parse(CallTwiml.Ended().ToString());

        Assert.Equal(["Hangup"], twiml.Root!.Elements().Select(e => e.Name.LocalName));
    }

    /// <summary>A session holding everything any state might read back.</summary>
    private static CallSession Everything(CallState state, string locale) => At(state) with
    {
        Locale = locale,
        BirthDate = new DateOnly(1950, 3, 5),
        GroupOpensOn = new DateOnly(2027, 1, 15),
        ReminderOn = new DateOnly(2027, 1, 15),
        Preferences = [new Preference(new DateOnly(2026, 12, 3), PartOfDay.Morning)],
        DraftDate = new DateOnly(2026, 12, 3),
        CallbackNumber = "+14165550123",
        RequestId = "br_1",
        QueuePosition = 3,
        Offer = SampleOffer with { ExpiresAt = Context.Now.AddMinutes(8) },
        Booking = SampleBooking,
        FacilityName = "Maple Grove",
        Residents = 40,
        StaffCount = 2,
        GroupDates = [new DateOnly(2026, 12, 3)],
        DraftGroupDate = new DateOnly(2026, 12, 3),
        GroupReference = "731904",
        Handoff = HandoffReason.CallerAsked,
    };
}
