using PhoneBooking.Softphone.Callers;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Cloud;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Softphone.Tests.Support;
using static PhoneBooking.Softphone.Tests.Support.Twiml;

namespace PhoneBooking.Softphone.Tests.Cloud;

public sealed class CallsResourceTests : CloudTest
{
    [Fact]
    public async Task Create_RingsTheSoftphone_FollowsUrl_AndPostsEachProgressEvent()
    {
        Line.Twiml("/outbound", Response("<Say>This is the vaccine line calling back with an offer.</Say><Hangup/>"));
        Line.Respond("/status", "text/xml", "<Response/>");
        var callee = new ListeningCaller();
        Answer(() => AnswerPlan.Human(callee));

        var (status, body) = await PostAsync(CallsUrl,
            ("To", "+16135550123"), ("From", "+18005550100"), ("Url", Line.Url("/outbound").AbsoluteUri),
            ("StatusCallback", Line.Url("/status").AbsoluteUri), ("StatusCallbackEvent", "initiated"), ("StatusCallbackEvent", "ringing answered"), ("StatusCallbackEvent", "completed"));
        var call = await Cloud.Ledger.FindCall(body.GetProperty("sid").GetString()!)!.Completion;

        Assert.Equal(201, status);
        Assert.Matches("^CA[0-9a-f]{32}$", body.GetProperty("sid").GetString());
        Assert.Equal(("queued", "outbound-api", SoftphoneOptions.LocalAccountSid, "(613) 555-0123", "2010-04-01"),
            (body.GetProperty("status").GetString(), body.GetProperty("direction").GetString(), body.GetProperty("account_sid").GetString(), body.GetProperty("to_formatted").GetString(), body.GetProperty("api_version").GetString()));
        Assert.Equal($"/2010-04-01/Accounts/{SoftphoneOptions.LocalAccountSid}/Calls/{call.CallSid}.json", body.GetProperty("uri").GetString());
        Assert.Equal(["This is the vaccine line calling back with an offer."], callee.Heard);
        var fetch = Assert.Single(Line.To("/outbound"));
        Assert.Equal((call.CallSid, "in-progress", "outbound-api", "+18005550100", "+16135550123"), (fetch["CallSid"], fetch["CallStatus"], fetch["Direction"], fetch["From"], fetch["To"]));
        Assert.False(fetch.Parameters.ContainsKey("AnsweredBy"));
        var events = Line.To("/status");
        Assert.Equal(["initiated", "ringing", "in-progress", "completed"], events.Select(e => e["CallStatus"]));
        Assert.Equal(["0", "1", "2", "3"], events.Select(e => e["SequenceNumber"]));
        Assert.All(events, e => Assert.Equal("call-progress-events", e["CallbackSource"]));
        Assert.Equal(TwilioTimeSeconds(call.Duration), events[^1]["CallDuration"]);
        Assert.Equal(("completed", EndReason.LineHungUp), (call.Status, call.EndReason));
    }

    [Fact]
    public async Task Create_WithoutStatusCallbackEvent_PostsOnlyCompleted()
    {
        Line.Twiml("/outbound", Response("<Hangup/>"));
        Line.Respond("/status", "text/xml", "<Response/>");

        var created = await CreateCallAsync(("Url", Line.Url("/outbound").AbsoluteUri), ("StatusCallback", Line.Url("/status").AbsoluteUri));
        await created.Completion;

        Assert.Equal("completed", Assert.Single(Line.To("/status"))["CallStatus"]);
    }

    [Fact]
    public async Task Create_AnsweredByAMachine_SynchronousDetection_PutsAnsweredByInTheFirstWebhook()
    {
        Line.Twiml("/outbound", r => r["AnsweredBy"] == "human"
            ? Response("<Say>Hello! Press 1 to hear your offer.</Say>")
            : Response("<Say>This is the vaccine line. Please call us back at 1 800 555 0100.</Say><Hangup/>"));
        var machine = new ListeningCaller();
        Answer(() => AnswerPlan.Machine(machine));

        var created = await CreateCallAsync(("Url", Line.Url("/outbound").AbsoluteUri), ("MachineDetection", "Enable"));
        await created.Completion;

        Assert.Equal("machine_start", Assert.Single(Line.To("/outbound"))["AnsweredBy"]);
        Assert.Equal(["This is the vaccine line. Please call us back at 1 800 555 0100."], machine.Heard);
        Assert.Equal("machine_start", created.Context.MachineDetectionResult);
    }

    [Fact]
    public async Task Create_AsyncDetection_FetchesUrlAtOnce_AndPostsTheResultSeparately()
    {
        Line.Twiml("/outbound", Response("<Pause length=\"10\"/><Say>Message</Say>"));
        Line.Respond("/amd", "text/xml", "<Response/>");
        Answer(() => AnswerPlan.Machine());

        var created = await CreateCallAsync(
            ("Url", Line.Url("/outbound").AbsoluteUri), ("MachineDetection", "DetectMessageEnd"), ("AsyncAmd", "true"),
            ("AsyncAmdStatusCallback", Line.Url("/amd").AbsoluteUri));
        await created.Completion;

        Assert.False(Assert.Single(Line.To("/outbound")).Parameters.ContainsKey("AnsweredBy"));
        Assert.Equal(["/outbound", "/amd"], Line.Requests.Select(r => r.Path));
        var amd = Assert.Single(Line.To("/amd"));
        Assert.Equal((created.Sid, SoftphoneOptions.LocalAccountSid, "machine_end_beep", "4000"), (amd["CallSid"], amd["AccountSid"], amd["AnsweredBy"], amd["MachineDetectionDuration"]));
    }

    [Fact]
    public async Task Create_HumanWithDetection_IsAnsweredByHuman()
    {
        Line.Twiml("/outbound", Response("<Hangup/>"));

        var created = await CreateCallAsync(("Url", Line.Url("/outbound").AbsoluteUri), ("MachineDetection", "DetectMessageEnd"));
        await created.Completion;

        Assert.Equal("human", Line.To("/outbound")[0]["AnsweredBy"]);
    }

    [Theory]
    [InlineData(AnswerKind.NoAnswer, "no-answer")]
    [InlineData(AnswerKind.Busy, "busy")]
    [InlineData(AnswerKind.Failed, "failed")]
    public async Task Create_NotAnswered_NoTwimlIsFetched_AndTheFinalStatusSaysWhy(AnswerKind kind, string status)
    {
        Line.Twiml("/outbound", Response("<Say>never</Say>"));
        Line.Respond("/status", "text/xml", "<Response/>");
        Answer(() => kind switch { AnswerKind.NoAnswer => AnswerPlan.NoAnswer, AnswerKind.Busy => AnswerPlan.Busy, _ => AnswerPlan.Failed });

        var created = await CreateCallAsync(("Url", Line.Url("/outbound").AbsoluteUri), ("StatusCallback", Line.Url("/status").AbsoluteUri), ("Timeout", "25"));
        var call = await created.Completion;

        Assert.Empty(Line.To("/outbound"));
        Assert.Equal((status, false), (call.Status, call.Answered));
        var final = Assert.Single(Line.To("/status"));
        Assert.Equal((status, "0"), (final["CallStatus"], final["CallDuration"]));
        if (kind == AnswerKind.NoAnswer)
        {
            Assert.True(call.Elapsed >= TimeSpan.FromSeconds(25), "rings for the whole Timeout");
        }
    }

    [Fact]
    public async Task Create_InlineTwiml_IsExecuted()
    {
        var callee = new ScriptedCaller(CallScript.Empty.Expect("your appointment is tomorrow").ExpectHangup());
        Answer(() => AnswerPlan.Human(callee));

        var created = await CreateCallAsync(("Twiml", Response("<Say>Reminder: your appointment is tomorrow at 10.</Say>")));
        await created.Completion;

        Assert.True(callee.Verdict.Passed, callee.Verdict.ToString());
        Assert.Empty(Line.Requests);
    }

    [Fact]
    public async Task Fetch_ReturnsTheCallResource_WithDurationOnceCompleted()
    {
        Line.Twiml("/outbound", Response("<Pause length=\"7\"/><Hangup/>"));

        var created = await CreateCallAsync(("Url", Line.Url("/outbound").AbsoluteUri));
        await created.Completion;
        using var response = await Rest.GetAsync($"/2010-04-01/Accounts/{SoftphoneOptions.LocalAccountSid}/Calls/{created.Sid}.json");
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(("completed", "7", created.Sid), (body.GetProperty("status").GetString(), body.GetProperty("duration").GetString(), body.GetProperty("sid").GetString()));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, body.GetProperty("end_time").ValueKind);
    }

    private static string TwilioTimeSeconds(TimeSpan duration) => Platform.TwilioTime.Seconds(duration);
}
