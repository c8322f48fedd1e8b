using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Tests.Callbacks.Support;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Callbacks.Dialer;

/// <summary>The dialer's passes on a manual clock, the line's real SQLite file, Twilio's REST API at the HTTP boundary.</summary>
public sealed class CallbackDialerTests : IDisposable
{
    private const string Phone = "+14162223344";
    private readonly ManualTimeProvider _clock = new(DialerHost.Afternoon);
    private readonly DialerHost _line;

    public CallbackDialerTests() => _line = new DialerHost(_clock);

    public void Dispose() => _line.Dispose();

    [Fact]
    public async Task Pass_DueCallback_PlacesOneCallWithOurUrlsMachineDetectionAndNoPersonalDataInUrls()
    {
        var callback = DialerHost.Callback(Phone);
        await _line.SaveAsync(callback);

        await _line.PassAsync();

        var call = Assert.Single(_line.Twilio.Calls);
        Assert.Equal(Phone, call["To"]);
        Assert.Equal("+15550100000", call["From"]);
        Assert.Equal($"http://localhost/voice/outbound?callback={callback.Id}&attempt=1", call["Url"]);
        Assert.Equal($"http://localhost/voice/outbound/status?callback={callback.Id}&attempt=1", call["StatusCallback"]);
        Assert.Equal("initiated,ringing,answered,completed", call["StatusCallbackEvent"]);
        Assert.Equal("DetectMessageEnd", call["MachineDetection"]);
        Assert.Equal("true", call["AsyncAmd"]);
        Assert.Equal($"http://localhost/voice/outbound/amd?callback={callback.Id}&attempt=1", call["AsyncAmdStatusCallback"]);
        Assert.Equal("30", call["Timeout"]);
        Assert.All(call.Form.Where(f => f.Key.Contains("Url", StringComparison.Ordinal) || f.Key.Contains("Callback", StringComparison.Ordinal)),
            f => Assert.DoesNotContain("2223344", f.Value, StringComparison.Ordinal));

        var record = await _line.GetAsync(callback.Id);
        Assert.Equal(CallbackStatus.Calling, record.Status);
        var attempt = Assert.Single(record.Attempts);
        Assert.Equal(("queued", call.Sid), (attempt.State, attempt.CallSid));
    }

    [Fact]
    public async Task Pass_OfferCallback_WaitsForTheApisOfferEventThenCalls()
    {
        var callback = DialerHost.Callback(Phone, CallbackKind.Offer, requestId: "br_1");
        await _line.SaveAsync(callback);

        await _line.PassAsync();
        Assert.Empty(_line.Twilio.Calls);
        Assert.Equal(CallbackStatus.WaitingForOffer, (await _line.GetAsync(callback.Id)).Status);

        await _line.OfferMadeAsync("br_1");
        await _line.PassAsync();

        Assert.Single(_line.Twilio.Calls);
    }

    [Fact]
    public async Task Pass_OfferMadeBeforeTheCallbackWasSaved_StillCalls()
    {
        await _line.OfferMadeAsync("br_2");
        await _line.SaveAsync(DialerHost.Callback(Phone, CallbackKind.Offer, requestId: "br_2"));

        await _line.PassAsync();

        Assert.Single(_line.Twilio.Calls);
    }

    [Fact]
    public async Task Pass_OutsideCallingHours_WaitsUntilNineInTheCalleesZone()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.FromHours(-5)));
        var callback = DialerHost.Callback(Phone);
        await _line.SaveAsync(callback);

        await _line.PassAsync();

        var record = await _line.GetAsync(callback.Id);
        Assert.Empty(_line.Twilio.Calls);
        Assert.Equal(CallbackStatus.Scheduled, record.Status);
        Assert.Equal("calling-hours", record.Outcome);
        var nine = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(-5));
        Assert.Equal(nine, record.NextAttemptAt);

        _clock.SetUtcNow(nine.AddMinutes(-1));
        await _line.PassAsync();
        Assert.Empty(_line.Twilio.Calls);

        _clock.SetUtcNow(nine);
        await _line.PassAsync();
        Assert.Single(_line.Twilio.Calls);
    }

    [Fact]
    public async Task Pass_ReminderForALaterDay_WaitsForThatDaysCallingHours()
    {
        var callback = DialerHost.Callback(Phone, CallbackKind.Reminder, dueOn: new DateOnly(2026, 12, 1));
        await _line.SaveAsync(callback);

        await _line.PassAsync();
        Assert.Empty(_line.Twilio.Calls);

        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(-5)));
        await _line.PassAsync();
        Assert.Empty(_line.Twilio.Calls);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(-5)), (await _line.GetAsync(callback.Id)).NextAttemptAt);

        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(-5)));
        await _line.PassAsync();
        Assert.Single(_line.Twilio.Calls);
    }

    [Fact]
    public async Task Pacing_TenReadyCallbacks_OneCallPerSecondOnTheClock()
    {
        for (var i = 0; i < 10; i++)
        {
            await _line.SaveAsync(DialerHost.Callback($"+1416222{i:D4}", CallbackKind.Reminder, dueOn: new DateOnly(2026, 11, 23), callSid: $"CA{i:D32}"));
        }

        var wait = await _line.PassAsync();
        Assert.Single(_line.Twilio.Calls);
        Assert.Equal(TimeSpan.FromSeconds(1), wait);

        await _line.PassAsync();
        Assert.Single(_line.Twilio.Calls);

        for (var second = 1; second <= 9; second++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(999));
            await _line.PassAsync();
            Assert.Equal(second, _line.Twilio.Calls.Count);
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            await _line.PassAsync();
            Assert.Equal(second + 1, _line.Twilio.Calls.Count);
        }
    }

    [Fact]
    public async Task Pass_AgentCallbacks_NoMoreOnTheLineThanTheConfiguredAgents()
    {
        using var line = new DialerHost(_clock, settings: new Dictionary<string, string?> { ["Callbacks:MaxConcurrentAgentCallbacks"] = "2", ["Callbacks:CallsPerSecond"] = "100" });
        for (var i = 0; i < 3; i++)
        {
            await line.SaveAsync(DialerHost.Callback($"+1416222{i:D4}", callSid: $"CA{i:D32}"));
        }

        for (var pass = 0; pass < 5; pass++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await line.PassAsync();
        }

        Assert.Equal(2, line.Twilio.Calls.Count);
        using (await line.StatusAsync(line.Twilio.Calls[0], "no-answer"))
        {
        }

        await line.PassAsync();

        Assert.Equal(3, line.Twilio.Calls.Count);
        Assert.Equal("+14162220002", line.Twilio.Calls[2]["To"]);
    }

    [Fact]
    public async Task NoAnswer_RetriedOnTheBackOffSchedule_ThenOneFinalText()
    {
        var callback = DialerHost.Callback(Phone);
        await _line.SaveAsync(callback);
        await _line.PassAsync();

        foreach (var delay in new[] { 2, 5, 10, 20 })
        {
            using (await _line.StatusAsync(_line.Twilio.Calls[^1], "no-answer"))
            {
            }

            var record = await _line.GetAsync(callback.Id);
            Assert.Equal((CallbackStatus.Scheduled, _clock.GetUtcNow().AddMinutes(delay)), (record.Status, record.NextAttemptAt));
            var calls = _line.Twilio.Calls.Count;
            _clock.Advance(TimeSpan.FromMinutes(delay) - TimeSpan.FromSeconds(1));
            await _line.PassAsync();
            Assert.Equal(calls, _line.Twilio.Calls.Count);
            _clock.Advance(TimeSpan.FromSeconds(1));
            await _line.PassAsync();
            Assert.Equal(calls + 1, _line.Twilio.Calls.Count);
        }

        using (await _line.StatusAsync(_line.Twilio.Calls[^1], "busy"))
        {
        }

        await _line.PassAsync();
        await _line.PassAsync();

        Assert.Equal(5, _line.Twilio.Calls.Count);
        var text = Assert.Single(_line.Twilio.Messages);
        Assert.Equal((Phone, "+15550100000"), (text["To"], text["From"]));
        Assert.Contains("Please call us back at", text["Body"], StringComparison.Ordinal);
        var final = await _line.GetAsync(callback.Id);
        Assert.Equal((CallbackStatus.GaveUp, "final-sms-sent"), (final.Status, final.Outcome));
        Assert.Equal(["no-answer", "no-answer", "no-answer", "no-answer", "busy"], final.Attempts.Select(a => a.State));
    }

    [Fact]
    public async Task Refused_PremiumForeignAndTollFreeNumbers_NeverDialledVisibleToSupervisorsAndNotLogged()
    {
        string[] numbers = ["+19005550123", "+18765550123", "+442071838750", "+18005550199"];
        for (var i = 0; i < numbers.Length; i++)
        {
            await _line.SaveAsync(DialerHost.Callback(numbers[i], callSid: $"CA{i:D32}"));
        }

        await _line.PassAsync();

        Assert.Empty(_line.Twilio.Calls);
        var refused = await _line.Requests.ListAsync(CallbackFilter.Refused, 10, CancellationToken.None);
        Assert.Equal(
            ["premium-rate", "country-not-allowed", "country-not-allowed", "toll-free"],
            numbers.Select(n => refused.Single(r => r.Request.Phone == n).RefusalReason));
        var logged = string.Join('\n', _line.Logs.Records.Select(r => r.Message + string.Join('|', r.Properties.Values)));
        Assert.Contains("refused", logged, StringComparison.Ordinal);
        Assert.All(numbers, n => Assert.DoesNotContain(n[2..], logged, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DailyCap_ReachedForOneNumber_PutsItsNextCallOffUntilTomorrow()
    {
        using var line = new DialerHost(_clock, settings: new Dictionary<string, string?> { ["Outbound:CallsPerNumberPerDay"] = "2" });
        for (var i = 0; i < 3; i++)
        {
            await line.SaveAsync(DialerHost.Callback(Phone, CallbackKind.Reminder, dueOn: new DateOnly(2026, 11, 23), callSid: $"CA{i:D32}"));
        }

        for (var pass = 0; pass < 4; pass++)
        {
            await line.PassAsync();
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(2, line.Twilio.Calls.Count);
        var capped = Assert.Single(await line.Requests.ListAsync(CallbackFilter.Open, 10, CancellationToken.None), r => r.Attempts.Count == 0);
        Assert.Equal(("daily-cap", new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(-5))), (capped.Outcome, capped.NextAttemptAt));
    }

    [Fact]
    public async Task PerCallCap_OneIncomingCallPromisedCallbacksToSevenNumbers_SixDialledSeventhRefused()
    {
        var numbers = Enumerable.Range(0, 7).Select(i => $"+1613226{1000 + i}").ToList();
        for (var i = 0; i < numbers.Count; i++)
        {
            await _line.SaveAsync(DialerHost.Callback(numbers[i], CallbackKind.Reminder, dueOn: new DateOnly(2026, 11, 23), callSid: "CA00000000000000000000000000000777") with
            {
                Id = $"cb-per-call-{i}",
            });
        }

        for (var pass = 0; pass < 10; pass++)
        {
            await _line.PassAsync();
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(6, _line.Twilio.Calls.Count);
        var refused = Assert.Single(await _line.Requests.ListAsync(CallbackFilter.Refused, 10, CancellationToken.None));
        Assert.Equal("per-call-cap", refused.RefusalReason);
    }

    [Fact]
    public async Task TwilioRejectsTheNumber_RefusedAndNeverRetried()
    {
        _line.Twilio.OnCall = _ => TwilioAnswer.Error(400, 21211);
        var callback = DialerHost.Callback(Phone);
        await _line.SaveAsync(callback);

        await _line.PassAsync();
        _clock.Advance(TimeSpan.FromHours(1));
        await _line.PassAsync();

        var record = await _line.GetAsync(callback.Id);
        Assert.Single(_line.Twilio.Calls);
        Assert.Equal((CallbackStatus.Refused, "twilio-rejected-21211"), (record.Status, record.RefusalReason));
    }

    [Fact]
    public async Task TwilioDeclines_BadCredentials_NotAMissTriedAgainLater()
    {
        _line.Twilio.OnCall = _ => TwilioAnswer.Error(401, 20003);
        var callback = DialerHost.Callback(Phone);
        await _line.SaveAsync(callback);

        await _line.PassAsync();

        var record = await _line.GetAsync(callback.Id);
        Assert.Equal((CallbackStatus.Scheduled, _clock.GetUtcNow().AddMinutes(5)), (record.Status, record.NextAttemptAt));
        Assert.Equal("not-placed", Assert.Single(record.Attempts).State);
    }
}
