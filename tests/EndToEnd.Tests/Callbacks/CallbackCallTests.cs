extern alias IvrHost;

using PhoneBooking.EndToEnd.Tests.Calls;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.EndToEnd.Tests.Hosting;
using PhoneBooking.Testing.Line;
using IvrHost::PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.Softphone.Callers;
using PhoneBooking.Softphone.Cloud;
using PhoneBooking.Softphone.Scripts;

namespace PhoneBooking.EndToEnd.Tests.Callbacks;

/// <summary>
/// Callbacks end to end: a caller hangs up after submitting, the API makes the offer, the dialer calls
/// through Twilio's stand-in, the softphone answers (a person, a machine, nobody) and the line takes it from there.
/// </summary>
public sealed class CallbackCallTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private CallbackLine _line = null!;

    public async Task InitializeAsync() => _line = await CallbackLine.StartAsync(_data.Path);

    public async Task DisposeAsync()
    {
        await _line.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task OfferReady_CallPlacedAnsweredAccepted_Booked()
    {
        var callee = new ScriptedCaller(CallScript.Empty
            .Expect("calling you back from")
            .Expect("We will never ask you for payment")
            .Expect("We have a time for you")
            .Expect("We will hold it for you for 10 minutes")
            .Expect("To accept this time, press 1")
            .Press("1")
            .Expect("It is booked")
            .Expect("Your appointment is on")
            .Expect("Your confirmation code is")
            .Expect("To finish, press 4")
            .Finish());
        _line.Answer = (_, _) => ValueTask.FromResult(AnswerPlan.Human(callee));
        var callback = await HangUpAfterSubmittingAsync("+16132220150");

        await _line.PassUntilAsync(() => _line.Cloud.Ledger.Calls.Count == 1);
        var call = await _line.Cloud.Ledger.Calls[0].Completion;

        Assert.True(callee.Verdict.Passed, $"{callee.Verdict}{Environment.NewLine}{call}");
        call.AssertClean();
        Assert.Equal(8, call.ConfirmationCode().Length);
        Assert.Equal(CallbackStatus.Answered, (await _line.CallbackAsync(callback)).Status);
    }

    [Fact]
    public async Task OfferReady_MachineAnswers_MessageWithTheLinesNumberAndNoOfferDetails()
    {
        var machine = new ListeningCaller();
        _line.Answer = (_, _) => ValueTask.FromResult(AnswerPlan.Machine(machine));
        var callback = await HangUpAfterSubmittingAsync("+16132220151");

        await _line.PassUntilAsync(() => _line.Cloud.Ledger.Calls.Count == 1);
        var call = await _line.Cloud.Ledger.Calls[0].Completion;

        call.AssertClean();
        var heard = string.Join(" ", machine.Heard);
        Assert.Contains("Please call us back at", heard, StringComparison.Ordinal);
        Assert.DoesNotContain("We have a time", heard, StringComparison.Ordinal);
        Assert.DoesNotContain("hold this time", heard, StringComparison.Ordinal);
        Assert.All(call.Documents(), twiml => Assert.DoesNotContain("<Gather", twiml, StringComparison.Ordinal));
        Assert.Equal("completed", call.Status);
        Assert.Equal(CallbackStatus.Voicemail, (await _line.CallbackAsync(callback)).Status);
    }

    [Fact]
    public async Task NoAnswer_RetriedOnTheSchedule_ThenTheFinalText()
    {
        var callback = await HangUpAfterSubmittingAsync("+16132220152");
        await _line.PassUntilAsync(() => _line.Cloud.Ledger.Calls.Count == 1);

        foreach (var (minutes, calls) in new[] { (2, 2), (5, 3), (10, 4), (20, 5) })
        {
            await _line.Cloud.Ledger.Calls[^1].Completion;
            var record = await _line.CallbackAsync(callback);
            Assert.Equal(_line.Clock.GetUtcNow().AddMinutes(minutes), record.NextAttemptAt);
            _line.Clock.Advance(TimeSpan.FromMinutes(minutes));
            await _line.PassUntilAsync(() => _line.Cloud.Ledger.Calls.Count == calls);
        }

        await _line.Cloud.Ledger.Calls[^1].Completion;
        await _line.PassUntilAsync(() => _line.Cloud.Ledger.Messages.Count == 1);

        Assert.Equal(5, _line.Cloud.Ledger.Calls.Count);
        Assert.All(_line.Cloud.Ledger.Calls, c => Assert.Equal("+16132220152", c.Context.To));
        var text = Assert.Single(_line.Cloud.Ledger.Messages);
        Assert.Equal("+16132220152", text.To);
        Assert.Contains("Please call us back at", text.Body, StringComparison.Ordinal);
        var final = await _line.CallbackAsync(callback);
        Assert.Equal(CallbackStatus.GaveUp, final.Status);
        Assert.All(final.Attempts, a => Assert.Equal("no-answer", a.State));
    }

    [Fact]
    public async Task OutsideCallingHours_TheCallWaitsForNineInTheMorning()
    {
        var evening = _line.Clock.GetUtcNow().AddHours(8); // 22:00 in Ottawa
        _line.Clock.SetUtcNow(evening);
        var callback = await SaveCallbackAsync("+16132220153", 1);

        await _line.PassAsync();
        Assert.Empty(_line.Cloud.Ledger.Calls);
        var nine = (await _line.CallbackAsync(callback)).NextAttemptAt;
        Assert.Equal(evening.AddHours(11), nine);

        _line.Clock.SetUtcNow(nine);
        await _line.PassUntilAsync(() => _line.Cloud.Ledger.Calls.Count == 1);
    }

    [Fact]
    public async Task PremiumAndForeignNumbers_AreNeverDialled()
    {
        string[] numbers = ["+19005550150", "+14169765555", "+18765550150", "+447700900150"];
        for (var i = 0; i < numbers.Length; i++)
        {
            await SaveCallbackAsync(numbers[i], i);
        }

        await _line.PassAsync();

        Assert.Empty(_line.Cloud.Ledger.Calls);
        var refused = await _line.Requests.ListAsync(CallbackFilter.Refused, 10, CancellationToken.None);
        Assert.Equal(numbers.Order(), refused.Select(r => r.Request.Phone).Order());
    }

    [Fact]
    public async Task TwoHostsOnOneDatabase_EachCallbackIsCalledOnce()
    {
        await using var twin = _line.Twin();
        for (var i = 0; i < 6; i++)
        {
            await SaveCallbackAsync($"+1613222{i:D4}", i, CallbackKind.Reminder);
        }

        for (var round = 0; round < 20 && _line.Cloud.Ledger.Calls.Count < 6; round++)
        {
            await Task.WhenAll(_line.PassAsync(), twin.PassAsync());
            _line.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(6, _line.Cloud.Ledger.Calls.Count);
        Assert.Equal(6, _line.Cloud.Ledger.Calls.Select(c => c.Context.To).Distinct().Count());
    }

    [Fact]
    public async Task Crash_BetweenClaimingAndDialling_DialledOnceAfterRestart()
    {
        var callback = await SaveCallbackAsync("+16132220160", 1);
        var queue = _line.Services.GetRequiredService<ICallbackQueue>();
        var due = Assert.Single(await queue.DueAsync(_line.Clock.GetUtcNow(), 10, true, CancellationToken.None));
        Assert.NotNull(await queue.TryClaimAsync(due, "host-that-crashed", _line.Clock.GetUtcNow(), TimeSpan.FromMinutes(2), CancellationToken.None));

        // The host that claimed it is gone; another one (a restart on the same data) carries on.
        await using var restarted = _line.Twin();
        await restarted.PassAsync();
        Assert.Empty(_line.Cloud.Ledger.Calls);

        _line.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        await restarted.PassAsync();
        _line.Clock.Advance(TimeSpan.FromMinutes(1));
        await restarted.PassAsync();

        Assert.Single(_line.Cloud.Ledger.Calls);
        var attempts = (await _line.CallbackAsync(callback)).Attempts;
        Assert.Equal((2, "abandoned", _line.Cloud.Ledger.Calls[0].Sid), (attempts.Count, attempts[0].State, attempts[1].CallSid));
    }

    /// <summary>An incoming call: book, and at "wait on the line, or be called back" choose the call back.</summary>
    private async Task<string> HangUpAfterSubmittingAsync(string from)
    {
        var run = await _line.Phone.RunScriptAsync(_line.Dial(from), Scripts.MainMenu()
            .Then(Scripts.BirthDate(CallbackLine.EligibleBirthDate))
            .Expect("For the first time available, on any day, press 1")
            .Press("1")
            .Expect("To hang up and get a call back, press 2")
            .Press("2")
            .Expect("We will call you at")
            .Expect("If that is right, press 1")
            .Press("1")
            .Expect("Your request is sent")
            .Expect("Done. We will call you at")
            .ExpectHangup());
        run.AssertPassedCleanly();
        var open = await _line.Requests.ListAsync(CallbackFilter.Open, 10, CancellationToken.None);
        return Assert.Single(open, c => c.Request.Phone == from).Request.Id;
    }

    /// <summary>A callback saved as the agent queue (or a reminder) saves it; the call that asked for it is number <paramref name="call"/>.</summary>
    private async Task<string> SaveCallbackAsync(string phone, int call, CallbackKind kind = CallbackKind.Agent)
    {
        var callSid = $"CA{call:D32}";
        var dueOn = kind == CallbackKind.Reminder ? DateOnly.FromDateTime(_line.Clock.GetUtcNow().UtcDateTime).AddDays(-1) : (DateOnly?)null;
        var callback = new CallbackRequest(CallbackRequest.IdFor(callSid, kind, person: 0), kind, callSid, phone, "en-CA", null, dueOn);
        await _line.Requests.SaveAsync(callback, CancellationToken.None);
        return callback.Id;
    }
}
