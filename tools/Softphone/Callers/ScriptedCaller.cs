using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Softphone.Timing;

namespace PhoneBooking.Softphone.Callers;

/// <summary>
/// A caller that follows a <see cref="CallScript"/>. Expect steps are checked against everything heard, in
/// order, each within its time limit (on the call's clock); press, say and silence steps each answer one
/// Gather; a failed step hangs up and is reported in <see cref="Verdict"/>. When the script is done the
/// caller stays silent on the line, and hangs up if the line has not ended the call within
/// <see cref="Linger"/>.
/// </summary>
public sealed class ScriptedCaller(CallScript script) : ICaller
{
    private readonly Queue<char> _keys = new();
    private int _index;
    private int _keysGather = -1;
    private DateTimeOffset? _stepStarted;
    private ScriptVerdict? _failure;
    private readonly List<string> _recent = [];

    /// <summary>How long to stay on the line after the last step before hanging up.</summary>
    public TimeSpan Linger { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The time a finger takes from one key to the next.</summary>
    public TimeSpan KeyInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public int WordsPerMinute { get; init; } = 150;

    public ScriptVerdict Verdict => _failure ?? (_index >= script.Steps.Count ? ScriptVerdict.Pass : new ScriptVerdict(false, Current, "the call is not over"));

    private ScriptStep? Current => _index < script.Steps.Count ? script.Steps[_index] : null;

    public ValueTask<CallerReaction> HearAsync(Heard heard, CallTimeline timeline, CancellationToken cancellationToken)
    {
        _stepStarted ??= timeline.Now;
        if (heard.Kind != HeardKind.Hold)
        {
            _recent.Add(heard.Text);
            if (_recent.Count > 5)
            {
                _recent.RemoveAt(0);
            }
        }

        var from = 0;
        while (_failure is null && Current is ExpectStep expect)
        {
            if (Overdue(timeline))
            {
                break;
            }

            var after = heard.Kind == HeardKind.Hold ? -1 : PhraseMatcher.IndexAfter(heard.Text, expect.Phrase, from);
            if (after < 0)
            {
                break;
            }

            from = after;
            Advance(timeline);
        }

        return ValueTask.FromResult(Decide(timeline));
    }

    public async ValueTask<CallerInput> NextInputAsync(InputRequest request, CallTimeline timeline, CancellationToken cancellationToken)
    {
        _stepStarted ??= timeline.Now;
        if (_keysGather == request.GatherId)
        {
            if (_keys.Count > 0)
            {
                await timeline.WaitAsync(KeyInterval, cancellationToken);
                return CallerInput.Press(_keys.Dequeue());
            }

            return await SilentAsync(request, timeline, cancellationToken);
        }

        _keys.Clear();
        if (Decide(timeline) == CallerReaction.HangUp)
        {
            return CallerInput.HangUp;
        }

        switch (Current)
        {
            case PressStep press:
                Advance(timeline);
                _keysGather = request.GatherId;
                foreach (var key in press.Keys)
                {
                    _keys.Enqueue(key);
                }

                await timeline.WaitAsync(KeyInterval, cancellationToken);
                return CallerInput.Press(_keys.Dequeue());
            case SayStep say:
                Advance(timeline);
                await timeline.WaitAsync(SpeechTiming.Duration(say.Speech, WordsPerMinute), cancellationToken);
                return CallerInput.Speech(say.Speech, say.Confidence);
            case SilenceStep:
                Advance(timeline);
                _keysGather = request.GatherId;
                return await SilentAsync(request, timeline, cancellationToken);
            default:
                return await SilentAsync(request, timeline, cancellationToken);
        }
    }

    public ValueTask CallEndedAsync(CallEnding ending, CallTimeline timeline, CancellationToken cancellationToken)
    {
        if (_failure is not null || Current is null)
        {
            return ValueTask.CompletedTask;
        }

        var byLine = ending.Reason is EndReason.LineHungUp or EndReason.DocumentEnded or EndReason.ApplicationError or EndReason.Rejected or EndReason.EndedByApi;
        if (Current is ExpectHangupStep && byLine && !Overdue(timeline))
        {
            Advance(timeline);
        }

        if (Current is not null && _failure is null)
        {
            Fail($"the call ended first ({ending.Status}, {ending.Reason}: {ending.Detail}){Heard()}");
        }

        return ValueTask.CompletedTask;
    }

    private async ValueTask<CallerInput> SilentAsync(InputRequest request, CallTimeline timeline, CancellationToken cancellationToken)
    {
        await timeline.WaitAsync(request.Timeout, cancellationToken);
        return Decide(timeline) == CallerReaction.HangUp ? CallerInput.HangUp : CallerInput.Silence;
    }

    /// <summary>Hang up when a step failed or fell overdue, when the script says so, or after lingering past the end.</summary>
    private CallerReaction Decide(CallTimeline timeline)
    {
        if (_failure is not null || Overdue(timeline))
        {
            return CallerReaction.HangUp;
        }

        if (Current is HangUpStep)
        {
            Advance(timeline);
            return CallerReaction.HangUp;
        }

        return Current is null && timeline.Now - _stepStarted > Linger ? CallerReaction.HangUp : CallerReaction.Stay;
    }

    private bool Overdue(CallTimeline timeline)
    {
        var within = Current switch
        {
            ExpectStep expect => expect.Within,
            ExpectHangupStep hangup => hangup.Within,
            _ => (TimeSpan?)null,
        };
        if (within is null || timeline.Now - _stepStarted <= within)
        {
            return _failure is not null;
        }

        Fail($"not within {within.Value.TotalSeconds:0.#}s{Heard()}");
        return true;
    }

    private string Heard() => _recent.Count == 0 ? "; nothing was heard" : "; last heard: " + string.Join(" | ", _recent.Select(r => $"\"{r}\""));

    private void Fail(string reason) => _failure ??= new ScriptVerdict(false, Current, reason);

    private void Advance(CallTimeline timeline)
    {
        _index++;
        _stepStarted = timeline.Now;
    }
}
