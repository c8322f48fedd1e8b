using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Tests.Callbacks.Support;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Callbacks.Dialer;

/// <summary>A callback is dialled by one worker, once: two hosts on one database, and crashes at every step of a dial.</summary>
public sealed class ExactlyOnceTests : IDisposable
{
    private const string Phone = "+16132223344";
    private readonly ManualTimeProvider _clock = new(DialerHost.Afternoon);
    private readonly DialerHost _line;

    public ExactlyOnceTests() => _line = new DialerHost(_clock);

    public void Dispose() => _line.Dispose();

    [Fact]
    public async Task TwoHosts_OneDatabase_EachCallbackIsDialledOnce()
    {
        using var hosts = new DialerPair(_clock, settings: new Dictionary<string, string?> { ["Callbacks:CallsPerSecond"] = "100" });
        var ids = await hosts.SaveOffersAsync(30, "+1613222");

        await hosts.PassBothUntilPlacedAsync(ids.Count, TimeSpan.FromMilliseconds(10), rounds: 60);

        Assert.Equal(ids.Order(), hosts.Placed.Order());
        var records = await hosts.First.Requests.ListAsync(CallbackFilter.All, 100, CancellationToken.None);
        Assert.All(records, r => Assert.Single(r.Attempts));
    }

    [Fact]
    public async Task Claim_TwoHostsRacingForTheSameCallback_ExactlyOneWins()
    {
        using var other = new DialerHost(_clock, _line.DataDirectory);
        for (var i = 0; i < 20; i++)
        {
            await _line.SaveAsync(DialerHost.Callback($"+1613222{i:D4}", callSid: $"CA{i:D32}"));
        }

        foreach (var due in await _line.Queue.DueAsync(_clock.GetUtcNow(), 100, true, CancellationToken.None))
        {
            var claims = await Task.WhenAll(
                _line.Queue.TryClaimAsync(due, "host-a", _clock.GetUtcNow(), TimeSpan.FromMinutes(2), CancellationToken.None),
                other.Queue.TryClaimAsync(due, "host-b", _clock.GetUtcNow(), TimeSpan.FromMinutes(2), CancellationToken.None));

            Assert.Single(claims, c => c is not null);
        }
    }

    [Fact]
    public async Task Crash_BetweenClaimAndDial_DialledOnceAfterTheLeaseEnds()
    {
        var callback = DialerHost.Callback(Phone);
        await _line.SaveAsync(callback);
        var due = Assert.Single(await _line.Queue.DueAsync(_clock.GetUtcNow(), 10, true, CancellationToken.None));
        Assert.NotNull(await _line.Queue.TryClaimAsync(due, "crashed-host", _clock.GetUtcNow(), TimeSpan.FromMinutes(2), CancellationToken.None));

        await _line.PassAsync();
        Assert.Empty(_line.Twilio.Calls);

        _clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        await _line.PassAsync();
        await _line.PassAsync();

        var call = Assert.Single(_line.Twilio.Calls);
        Assert.EndsWith("&attempt=2", call["Url"], StringComparison.Ordinal);
        var record = await _line.GetAsync(callback.Id);
        Assert.Equal(["abandoned", "queued"], record.Attempts.Select(a => a.State));
    }

    [Fact]
    public async Task Crash_WhileTwilioWasAsked_TwilioMadeTheCall_NeverDialledAgain()
    {
        // Twilio creates the call but its answer never reaches us (a dropped connection, or our process died).
        _line.Twilio.OnCall = _ => TwilioAnswer.NoResponse;
        var callback = DialerHost.Callback(Phone);
        await _line.SaveAsync(callback);
        await _line.PassWhileTwilioIsSilentAsync();
        var call = Assert.Single(_line.Twilio.Calls);
        Assert.Equal("dialling", Assert.Single((await _line.GetAsync(callback.Id)).Attempts).State);

        using (await _line.StatusAsync(call, "initiated"))
        {
        }

        _clock.Advance(TimeSpan.FromHours(1));
        await _line.PassAsync();

        Assert.Single(_line.Twilio.Calls);
        var record = await _line.GetAsync(callback.Id);
        Assert.Equal(CallbackStatus.Calling, record.Status);
        Assert.Equal(("initiated", call.Sid), (record.Attempts[0].State, record.Attempts[0].CallSid));
    }

    [Fact]
    public async Task Crash_WhileTwilioWasAsked_NoWordFromTwilio_DialledAgainOnlyAfterItCouldHaveSpoken()
    {
        _line.Twilio.OnCall = _ => TwilioAnswer.NoResponse;
        var callback = DialerHost.Callback(Phone);
        await _line.SaveAsync(callback);
        await _line.PassWhileTwilioIsSilentAsync();
        _line.Twilio.OnCall = null;

        _clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        await _line.PassAsync();
        Assert.Single(_line.Twilio.Calls);

        // Ring timeout (30 s) + 2 min after the dial: Twilio's "initiated" and "completed" would have come by now.
        _clock.Advance(TimeSpan.FromSeconds(30));
        await _line.PassAsync();
        await _line.PassAsync();

        Assert.Equal(2, _line.Twilio.Calls.Count);
        Assert.Equal(["not-placed", "queued"], (await _line.GetAsync(callback.Id)).Attempts.Select(a => a.State));
    }

    [Fact]
    public async Task LateStatus_ForAnAttemptSettledAsNotPlaced_IsLoggedAsAPossibleDuplicate()
    {
        _line.Twilio.OnCall = _ => TwilioAnswer.NoResponse;
        var callback = DialerHost.Callback(Phone);
        await _line.SaveAsync(callback);
        await _line.PassWhileTwilioIsSilentAsync();
        var first = Assert.Single(_line.Twilio.Calls);
        _line.Twilio.OnCall = null;
        _clock.Advance(TimeSpan.FromMinutes(3));
        await _line.PassAsync();

        using (var late = await _line.StatusAsync(first, "completed"))
        {
            Assert.True(late.IsSuccessStatusCode, $"{(int)late.StatusCode} {first["StatusCallback"]}");
        }

        Assert.Contains(_line.Logs.Records, r => r.EventId.Name == "CallbackLateStatus");
    }

    [Fact]
    public async Task Status_RepeatedOrOutOfOrder_NeverMovesAnAttemptBack()
    {
        var callback = DialerHost.Callback(Phone);
        await _line.SaveAsync(callback);
        await _line.PassAsync();
        var call = _line.Twilio.Calls[0];

        foreach (var status in new[] { "ringing", "initiated", "ringing", "no-answer", "ringing", "no-answer" })
        {
            using var response = await _line.StatusAsync(call, status);
            Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        }

        var record = await _line.GetAsync(callback.Id);
        Assert.Equal("no-answer", Assert.Single(record.Attempts).State);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(2), record.NextAttemptAt);
    }
}
