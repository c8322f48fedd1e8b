using System.Net;
using System.Xml.Linq;
using PhoneBooking.IvrHost.Tests.Hosting;

namespace PhoneBooking.IvrHost.Tests.Voice;

/// <summary>The webhook edge: signatures, malformed requests, replays, and what a new caller hears.</summary>
public sealed class VoiceEndpointsTests : IDisposable
{
    private readonly IvrHostFactory _line = new();
    private readonly HttpClient _client;
    private readonly SignedWebhooks _call;

    public VoiceEndpointsTests()
    {
        _client = _line.CreateClient();
        _call = new SignedWebhooks(_client, SignedWebhooks.NewCallSid());
    }

    public void Dispose() => _line.Dispose();

    [Fact]
    public async Task Voice_NewCall_WelcomesAndOffersBothLanguagesInOneGather()
    {
        var twiml = await _call.DialAsync();

        var gather = Assert.Single(twiml.Descendants("Gather"));
        Assert.Equal("/voice/input?turn=0", gather.Attribute("action")?.Value);
        Assert.Equal("true", gather.Attribute("actionOnEmptyResult")?.Value);
        var says = gather.Elements("Say").ToList();
        Assert.Contains("vaccine booking line", says[0].Value, StringComparison.Ordinal);
        Assert.Contains(says, s => s.Attribute("language")?.Value == "fr-CA");
    }

    [Fact]
    public async Task Voice_BadSignature_Is403AndNothingRuns()
    {
        using var response = await _call.PostAsync("/voice", _call.Fields(), signature: "bm90IGEgc2lnbmF0dXJl");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var again = await _call.PostAsync("/voice", _call.Fields());
        Assert.Contains("vaccine booking line", SignedWebhooks.Heard(XDocument.Parse(await again.Content.ReadAsStringAsync())), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("CA<script>")]
    public async Task Voice_MissingOrMalformedCallSid_IsAClear400(string callSid)
    {
        var fields = _call.Fields(("CallSid", callSid));

        using var response = await _call.PostAsync("/voice", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("CallSid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_OversizedBody_IsRefusedWithout500()
    {
        var fields = _call.Fields(("Digits", new string('1', 200_000)));

        using var response = await _call.PostAsync("/voice/input?turn=0", fields);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("7")]
    [InlineData("#####")]
    [InlineData("1;DROP TABLE call_sessions")]
    public async Task Input_GarbageKeys_ApologisesAndAsksAgain(string keys)
    {
        await _call.DialAsync();

        var twiml = await _call.PressAsync(keys);

        Assert.StartsWith("Sorry", SignedWebhooks.Heard(twiml), StringComparison.Ordinal);
        Assert.Equal("/voice/input?turn=1", twiml.Descendants("Gather").Single().Attribute("action")?.Value);
    }

    [Fact]
    public async Task Input_UnknownCallSid_StartsTheCallRatherThanHangingUp()
    {
        var twiml = await _call.PressAsync("1");

        Assert.Contains("vaccine booking line", SignedWebhooks.Heard(twiml), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_StaleTurnReplayed_ChangesNothingAndRepeatsTheCurrentPrompt()
    {
        await _call.DialAsync();
        var menu = await _call.PressAsync("1");
        var replayFields = _call.Fields(("Digits", "1"));

        using var replay = await _call.PostAsync("/voice/input?turn=0", replayFields);
        var replayed = XDocument.Parse(await replay.Content.ReadAsStringAsync());

        Assert.Equal(menu.Descendants("Gather").Single().Attribute("action")?.Value, replayed.Descendants("Gather").Single().Attribute("action")?.Value);
        Assert.Contains("To book a vaccine", SignedWebhooks.Heard(replayed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_ThreeSilences_SendTheCallerToAPersonNotAHangup()
    {
        await _call.DialAsync();
        await _call.PressAsync(null);
        await _call.PressAsync(null);

        var twiml = await _call.PressAsync(null);

        Assert.Single(twiml.Descendants("Enqueue"));
        Assert.Equal("/voice/queue/wait", twiml.Descendants("Enqueue").Single().Attribute("waitUrl")?.Value);
    }

    [Fact]
    public async Task Fallback_AnswersAnApologyAndTheAgentQueue()
    {
        var twiml = await _call.TwimlAsync("/voice/fallback", _call.Fields());

        Assert.Contains("Sorry", SignedWebhooks.Heard(twiml), StringComparison.Ordinal);
        Assert.Single(twiml.Descendants("Enqueue"));
    }

    [Fact]
    public async Task Status_Completed_Is204()
    {
        await _call.DialAsync();

        using var response = await _call.PostAsync("/voice/status", _call.Fields(("CallStatus", "completed"), ("CallDuration", "42")));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Webhooks_LogOneEventEachWithStatesAndNoPhoneNumber()
    {
        await _call.DialAsync();
        await _call.PressAsync("2");

        var events = _line.Logs.Records.Where(r => r.EventId.Id == PhoneBooking.IvrHost.Observability.WebhookLog.EventId).ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal("Language", events[1].Properties["StateFrom"]);
        Assert.Equal("MainMenu", events[1].Properties["StateTo"]);
        Assert.Equal(_call.CallSid, events[1].Properties["CallSid"]);
        Assert.DoesNotContain(_line.Logs.Records, r => r.Message.Contains("4165550123", StringComparison.Ordinal));
    }
}
