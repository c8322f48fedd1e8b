using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Deferred;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.IvrHost.Voice;
using PhoneBooking.Prompts.Speech;
using FlowPart = PhoneBooking.IvrHost.CallFlow.PartOfDay;
using PhoneBooking.SchedulingClient;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Voice;

/// <summary>
/// Healthy, Degraded and Down, call by call, against the fault server: the caller always hears the
/// next thing in the same webhook — the flow, a person with what they gave, or the call-back offer.
/// </summary>
public sealed class DegradedModeTests : FaultyApiTest
{
    private static readonly DateOnly BirthDate = new(1950, 3, 5);
    private LineWithFaultyApi? _started;

    /// <summary>Started on first use, so a test can script the API's first answers (its first probe) before.</summary>
    private LineWithFaultyApi Line => _started ??= LineWithFaultyApi.Start(Api, Data.Path);

    public override async Task DisposeAsync()
    {
        if (_started is not null)
        {
            await _started.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    [Fact]
    public async Task Healthy_WholeFlow_SubmitsWithTheCallsKeyAndOffersToWait()
    {
        var call = Line.NewCall();

        await Caller.UntilWaitChoiceAsync(call);
        var submitted = await call.PressAsync("1"); // wait on the line

        Assert.Contains(Line.Text("book.wait.hold"), SignedWebhooks.Heard(submitted), StringComparison.Ordinal);
        var sent = Assert.Single(Api.Received, r => r.Route == "POST /v1/booking-requests");
        Assert.Equal(CallWork.SubmitKey(new CallSession { CallSid = call.CallSid }).Value, sent.IdempotencyKey);
    }

    [Fact]
    public async Task Degraded_FlowGoesOn_FirstFailedStepHandsTheCallerToAPersonWithWhatTheyGave()
    {
        Api.Script(LineWithFaultyApi.ReadinessProbe, Fault.Status(503));
        await Eventually.HoldsAsync(() => Line.Health.Current.State == BackendHealthState.Degraded, "the first probe failed: Degraded");
        var call = Line.NewCall();

        await call.DialAsync();
        var menu = await call.PressAsync("1");
        Assert.Contains(Line.Text("menu.main"), SignedWebhooks.Heard(menu), StringComparison.Ordinal);

        await Caller.UntilWaitChoiceAsync(call, dialed: true, pressedLanguage: true);
        Api.Script("POST /v1/booking-requests", Fault.Status(503));
        var handedOver = await call.PressAsync("1"); // wait on the line: submitted with the caller ID

        Assert.Equal(BackendHealthState.Degraded, Line.Health.Current.State);
        AssertHandedToAPerson(handedOver);
        var handoff = await HandoffAsync(call);
        Assert.Equal((HandoffReason.BackendFailed, CallState.WaitChoice, "en-CA"), (handoff.Reason, handoff.ReachedFrom, handoff.Locale));
        Assert.Equal(BirthDate, handoff.Details.BirthDate);
        Assert.Equal([new Preference(null, FlowPart.Any)], handoff.Details.Preferences);
        Assert.Equal("+14165550123", handoff.Details.CallbackNumber);
    }

    public static TheoryData<string> MidStepFaults => ["500", "503", "reset", "malformed", "dropped"];

    [Theory]
    [MemberData(nameof(MidStepFaults))]
    public async Task EligibilityFailsMidStep_SameWebhookHandsOverWithTheBirthDate(string fault)
    {
        var call = Line.NewCall();
        await Caller.UntilBirthDateConfirmationAsync(call);
        Api.Script("POST /v1/eligibility", fault switch
        {
            "500" => Fault.Status(500),
            "503" => Fault.Status(503),
            "reset" => Fault.ResetMidBody(),
            "malformed" => Fault.MalformedJson(),
            _ => Fault.From(request =>
            {
                request.HttpContext.Abort();
                return Fault.Status(500);
            }),
        });

        var handedOver = await call.PressAsync("1");

        AssertHandedToAPerson(handedOver);
        var handoff = await HandoffAsync(call);
        Assert.Equal((HandoffReason.BackendFailed, CallState.ConfirmBirthDate), (handoff.Reason, handoff.ReachedFrom));
        Assert.Equal(BirthDate, handoff.Details.BirthDate);
    }

    [Fact]
    public async Task ApiSlowerThanTheBudget_TheBudgetEndsTheWaitAndTheSameWebhookHandsOver()
    {
        var call = Line.NewCall();
        await Caller.UntilBirthDateConfirmationAsync(call);
        Api.Script("POST /v1/eligibility", Fault.Hang());

        var answer = call.PressAsync("1");
        await Eventually.HoldsAsync(() => Api.CountOf("POST /v1/eligibility") == 1, "the eligibility check reaches the API");
        await Task.Delay(50);
        Assert.False(answer.IsCompleted, "the webhook must wait for the API within its budget");

        Line.Clock.Advance(LineWithFaultyApi.CallBudget);
        var handedOver = await answer.WaitAsync(TimeSpan.FromSeconds(10));

        AssertHandedToAPerson(handedOver);
        Assert.Equal(BirthDate, (await HandoffAsync(call)).Details.BirthDate);
    }

    [Fact]
    public async Task Down_RightAfterTheLanguage_SaysSoAndOffersACallBackOrAPerson()
    {
        await Line.GoDownAsync();
        var call = Line.NewCall();
        await call.DialAsync();

        var down = await call.PressAsync("2");

        var heard = SignedWebhooks.Heard(down);
        Assert.Contains(Line.Text("system.down", "fr-CA"), heard, StringComparison.Ordinal);
        Assert.Contains(Line.Text("system.down.menu", "fr-CA"), heard, StringComparison.Ordinal);
        Assert.DoesNotContain(Line.Text("menu.main", "fr-CA"), heard, StringComparison.Ordinal);

        var person = await call.PressAsync("2");

        Assert.Single(person.Descendants("Enqueue"));
        var handoff = await HandoffAsync(call);
        Assert.Equal((HandoffReason.BackendDown, CallState.SystemDown, "fr-CA"), (handoff.Reason, handoff.ReachedFrom, handoff.Locale));
    }

    [Fact]
    public async Task Down_CallBackChosen_SavesTheRequestUnderTheKeyItWouldHaveHad_AndSaysTheNumber()
    {
        await Line.GoDownAsync();
        var call = Line.NewCall();

        var saved = await Caller.DeferredRequestAsync(call);

        var phone = new Dictionary<string, SpeechValue> { ["phone"] = SpeechValue.Phone("+14165550123") };
        Assert.Contains(Line.Text("system.down.callback_saved", arguments: phone), SignedWebhooks.Heard(saved), StringComparison.Ordinal);
        Assert.Single(saved.Descendants("Hangup"));
        var request = await DeferredAsync(call);
        Assert.Equal(DeferredStatus.Pending, request.Status);
        Assert.Equal((BirthDate, "+14165550123", "en-CA"), (request.Submission.Person.BirthDate, request.Submission.ContactPhone, request.Submission.Person.Language));
        Assert.Equal(0, Api.CountOf("POST /v1/booking-requests"));
        Assert.Equal(0, Api.CountOf("POST /v1/eligibility"));
    }

    [Fact]
    public async Task ApiGoesDownMidCall_NextStepFails_SameWebhookSaysSoAndTheCallBackKeepsWhatWasGiven()
    {
        var call = Line.NewCall();
        await Caller.UntilBirthDateConfirmationAsync(call);
        Api.Script("POST /v1/eligibility", Fault.Status(503));
        await Line.GoDownAsync();

        var down = await call.PressAsync("1");

        Assert.Contains(Line.Text("system.down"), SignedWebhooks.Heard(down), StringComparison.Ordinal);
        var preferences = await call.PressAsync("1");
        Assert.Contains(Line.Text("book.pref.intro"), SignedWebhooks.Heard(preferences), StringComparison.Ordinal);
        await call.PressAsync("1"); // the first time available
        await call.PressAsync("1"); // that number
        Assert.Equal(BirthDate, (await DeferredAsync(call)).Submission.Person.BirthDate);
    }

    [Fact]
    public async Task BreakerOpensMidCall_NextStepRefusedWithoutReachingTheApi_SameWebhookOffersTheCallBack()
    {
        _started = LineWithFaultyApi.Start(Api, Data.Path, settings: new Dictionary<string, string?>
        {
            ["Scheduling:BreakerMinimumThroughput"] = "2",
            ["Scheduling:BreakerFailureRatio"] = "0.5",
        });
        var call = Line.NewCall();
        await Caller.UntilBirthDateConfirmationAsync(call);
        Api.Script("POST /v1/eligibility", Fault.Status(503));
        for (var others = 0; Line.Health.Current.State != BackendHealthState.Down; others++)
        {
            Assert.True(others < 5, "the breaker never opened");
            var other = Line.NewCall("+14165550188");
            await Caller.UntilBirthDateConfirmationAsync(other);
            AssertHandedToAPerson(await other.PressAsync("1"));
        }

        var sent = Api.CountOf("POST /v1/eligibility");
        var down = await call.PressAsync("1");

        Assert.Contains(Line.Text("system.down.menu"), SignedWebhooks.Heard(down), StringComparison.Ordinal);
        Assert.Equal(sent, Api.CountOf("POST /v1/eligibility"));
    }

    [Fact]
    public async Task EveryAnswer_IsTwiMLNeverAServerError_EvenWhenTheApiIsGone()
    {
        var call = Line.NewCall();
        await Caller.UntilBirthDateConfirmationAsync(call);
        await Api.DisposeAsync();

        using var response = await call.PostAsync($"/voice/input?turn={call.Turn}", call.Fields(("Digits", "1")));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        AssertHandedToAPerson(XDocument.Parse(await response.Content.ReadAsStringAsync()));
        Api = await FaultServer.StartAsync();
    }

    private void AssertHandedToAPerson(XDocument twiml)
    {
        Assert.Contains(Line.Text("system.error.handoff"), SignedWebhooks.Heard(twiml), StringComparison.Ordinal);
        Assert.Equal("/voice/queue/result", Assert.Single(twiml.Descendants("Enqueue")).Attribute("action")?.Value);
    }

    private async Task<Handoff> HandoffAsync(SignedWebhooks call) =>
        await Line.Services.GetRequiredService<IHandoffDesk>().GetAsync(call.CallSid, CancellationToken.None)
        ?? throw new Xunit.Sdk.XunitException("No handoff was recorded before the caller was queued.");

    private async Task<DeferredRequest> DeferredAsync(SignedWebhooks call) =>
        await Line.Services.GetRequiredService<IDeferredRequestStore>().GetAsync(Caller.SubmitKey(call), CancellationToken.None)
        ?? throw new Xunit.Sdk.XunitException("No deferred request under the call's submit key.");
}
