using PhoneBooking.EndToEnd.Tests.Hosting;
using PhoneBooking.Softphone.Callers;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Softphone.Timing;

namespace PhoneBooking.EndToEnd.Tests.Calls;

/// <summary>Any instance can serve any webhook: the host is killed and started again in the middle of a call.</summary>
public sealed class RestartTests(LineFixture line) : IClassFixture<LineFixture>
{
    [Fact]
    public async Task Restart_BetweenTwoWebhooksOfACall_TheCallCarriesOnToABooking()
    {
        var script = Scripts.BookUntilCode().Finish();
        var caller = new RestartingCaller(new ScriptedCaller(script), line.RestartAsync, "If that is right, press 1", "To accept this time, press 1");

        var call = await line.Phone.DialAsync(line.Dial("+16135550501"), caller);

        Assert.True(((ScriptedCaller)caller.Inner).Verdict.Passed, $"{((ScriptedCaller)caller.Inner).Verdict}{Environment.NewLine}{call}");
        call.AssertClean();
        Assert.Equal(2, caller.Restarts);
        Assert.Equal(8, call.ConfirmationCode().Length);
    }

    /// <summary>
    /// A caller who, after hearing each of <paramref name="restartAfter"/>, makes up their mind and then —
    /// before the keys reach the line — the line restarts (<paramref name="restart"/>).
    /// </summary>
    private sealed class RestartingCaller(ICaller inner, Func<Task> restart, params string[] restartAfter) : ICaller
    {
        private int _next;
        private bool _pending;

        public ICaller Inner => inner;

        public int Restarts { get; private set; }

        public ValueTask<CallerReaction> HearAsync(Heard heard, CallTimeline timeline, CancellationToken cancellationToken)
        {
            if (_next < restartAfter.Length && PhraseMatcher.IndexAfter(heard.Text, restartAfter[_next]) >= 0)
            {
                (_pending, _next) = (true, _next + 1);
            }

            return inner.HearAsync(heard, timeline, cancellationToken);
        }

        public async ValueTask<TimedInput?> InputBeforeAsync(DateTimeOffset until, CallTimeline timeline, CancellationToken cancellationToken)
        {
            var input = await inner.InputBeforeAsync(until, timeline, cancellationToken);
            if (input is not null)
            {
                await RestartIfPendingAsync();
            }

            return input;
        }

        public async ValueTask<CallerInput> NextInputAsync(InputRequest request, CallTimeline timeline, CancellationToken cancellationToken)
        {
            var input = await inner.NextInputAsync(request, timeline, cancellationToken);
            await RestartIfPendingAsync();
            return input;
        }

        private async Task RestartIfPendingAsync()
        {
            if (_pending)
            {
                _pending = false;
                await restart();
                Restarts++;
            }
        }

        public ValueTask CallEndedAsync(CallEnding ending, CallTimeline timeline, CancellationToken cancellationToken) =>
            inner.CallEndedAsync(ending, timeline, cancellationToken);
    }
}
