using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Softphone.Timing;

namespace PhoneBooking.Softphone.Callers;

/// <summary>
/// A caller that follows a <see cref="CallScript"/>, on the call's clock. Expect steps are checked against
/// everything heard, in order, each within its time limit. A caller never waits unless told to: press and say
/// steps right after an expect start the moment the phrase has been heard (mid-prompt if the line is still
/// speaking: barge-in when a Gather listens, lost keys when none does), and consecutive press and say steps
/// follow one another without a pause (keys past a Gather's numDigits go on to whatever the line does next).
/// A press or say step with no expect before it (the first step, or after silence) waits until a Gather
/// listens. A silence step lets the next Gather time out. A failed step hangs up and is reported in
/// <see cref="Verdict"/>. When the script is done the caller stays silent on the line, and hangs up if the
/// line has not ended the call within <see cref="Linger"/>.
/// </summary>
public sealed class ScriptedCaller(CallScript script) : ICaller
{
    /// <summary>Inputs decided on and not yet taken by the line, in the order of their moments.</summary>
    private readonly Queue<(TimedInput Input, ScriptStep Step)> _typed = new();
    private readonly List<string> _recent = [];
    private int _index;
    private DateTimeOffset? _stepStarted;
    private ScriptVerdict? _failure;

    /// <summary>How long to stay on the line after the last step before hanging up.</summary>
    public TimeSpan Linger { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The time a finger takes from one key to the next (and to the first, once the caller acts).</summary>
    public TimeSpan KeyInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public int WordsPerMinute { get; init; } = 150;

    public ScriptVerdict Verdict => _failure ?? (_index >= script.Steps.Count ? ScriptVerdict.Pass : new ScriptVerdict(false, Current, "the call is not over"));

    private ScriptStep? Current => _index < script.Steps.Count ? script.Steps[_index] : null;

    public ValueTask<CallerReaction> HearAsync(Heard heard, CallTimeline timeline, CancellationToken cancellationToken)
    {
        var start = timeline.Now;
        _stepStarted ??= start;
        if (heard.Kind != HeardKind.Hold)
        {
            Listen(heard, start);
            var stopped = StoppedAt(heard, start);
            Remember(heard.Kind == HeardKind.Speech ? SpeechTiming.Said(heard.Text, stopped - start < heard.Duration ? stopped - start : null, heard.Duration) : heard.Text);
        }

        return ValueTask.FromResult(Decide(timeline));
    }

    public ValueTask<TimedInput?> InputBeforeAsync(DateTimeOffset until, CallTimeline timeline, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_typed.TryPeek(out var next) && next.Input.At < until ? _typed.Dequeue().Input : null);

    public async ValueTask<CallerInput> NextInputAsync(InputRequest request, CallTimeline timeline, CancellationToken cancellationToken)
    {
        _stepStarted ??= timeline.Now;
        if (_typed.Count == 0)
        {
            if (Decide(timeline) == CallerReaction.HangUp)
            {
                return CallerInput.HangUp;
            }

            switch (Current)
            {
                case PressStep or SayStep:
                    // Nothing heard told the caller to act: they answer when the line listens.
                    Act(timeline.Now);
                    break;
                case SilenceStep:
                    Advance(timeline.Now);
                    break;
            }
        }

        if (_typed.TryPeek(out var typed) && typed.Input.At - timeline.Now <= request.Timeout)
        {
            var next = typed.Input;
            await timeline.WaitAsync(next.At - timeline.Now, cancellationToken);
            _typed.Dequeue();
            await timeline.WaitAsync(next.Lasts, cancellationToken);
            return next.Input;
        }

        await timeline.WaitAsync(request.Timeout, cancellationToken);
        return Decide(timeline) == CallerReaction.HangUp ? CallerInput.HangUp : CallerInput.Silence;
    }

    public ValueTask CallEndedAsync(CallEnding ending, CallTimeline timeline, CancellationToken cancellationToken)
    {
        if (_failure is null && _typed.TryPeek(out var unsent))
        {
            _failure = new ScriptVerdict(false, unsent.Step, $"the call ended first ({ending.Status}, {ending.Reason}: {ending.Detail}) with {Describe(unsent.Input.Input)} not yet pressed{Heard()}");
        }

        if (_failure is not null || Current is null)
        {
            return ValueTask.CompletedTask;
        }

        var byLine = ending.Reason is EndReason.LineHungUp or EndReason.DocumentEnded or EndReason.ApplicationError or EndReason.Rejected or EndReason.EndedByApi;
        if (Current is ExpectHangupStep && byLine && !Overdue(timeline.Now))
        {
            Advance(timeline.Now);
        }

        if (Current is not null && _failure is null)
        {
            Fail($"the call ended first ({ending.Status}, {ending.Reason}: {ending.Detail}){Heard()}");
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Hears <paramref name="heard"/> from <paramref name="start"/>, phrase by phrase, until the caller's own input
    /// stops it (a Gather takes it) or it ends; each expected phrase passes at the moment it has been said, and
    /// the press and say steps after it are decided on at that moment.
    /// </summary>
    private void Listen(Heard heard, DateTimeOffset start)
    {
        var heardUntil = StoppedAt(heard, start);
        var from = 0;
        while (_failure is null && Current is ExpectStep expect)
        {
            var after = PhraseMatcher.IndexAfter(heard.Text, expect.Phrase, from);
            if (after < 0)
            {
                break;
            }

            var at = start + SaidBy(heard, after);
            if (at > heardUntil || Overdue(at))
            {
                break;
            }

            from = after;
            Advance(at);
            Act(at);
            heardUntil = StoppedAt(heard, start);
        }
    }

    /// <summary>When the line stops for the caller's first input it takes (barge-in); the end of the audio if none.</summary>
    private DateTimeOffset StoppedAt(Heard heard, DateTimeOffset start)
    {
        var end = start + heard.Duration;
        var stop = _typed.Select(t => t.Input).FirstOrDefault(t => t.At < end && heard.Takes(t.Input));
        return stop is null ? end : (stop.At > start ? stop.At : start);
    }

    /// <summary>How far into <paramref name="heard"/> its text up to <paramref name="normalizedIndex"/> has been said: words at an even pace; audio once played.</summary>
    private static TimeSpan SaidBy(Heard heard, int normalizedIndex)
    {
        if (heard.Kind != HeardKind.Speech)
        {
            return heard.Duration;
        }

        var words = SpeechTiming.Words(heard.Text);
        for (var count = 1; count <= words.Length; count++)
        {
            if (PhraseMatcher.Normalize(string.Join(' ', words[..count])).Length >= normalizedIndex)
            {
                return heard.Duration * count / words.Length;
            }
        }

        return heard.Duration;
    }

    /// <summary>Decides the press and say steps from <paramref name="from"/> on, one after another with no pause between them.</summary>
    private void Act(DateTimeOffset from)
    {
        var at = from;
        while (true)
        {
            switch (Current)
            {
                case PressStep press:
                    foreach (var key in press.Keys)
                    {
                        at += KeyInterval;
                        _typed.Enqueue((new TimedInput(CallerInput.Press(key), at), press));
                    }

                    Advance(at);
                    break;
                case SayStep say:
                    var lasts = SpeechTiming.Duration(say.Speech, WordsPerMinute);
                    _typed.Enqueue((new TimedInput(CallerInput.Speech(say.Speech, say.Confidence), at) { Lasts = lasts }, say));
                    at += lasts;
                    Advance(at);
                    break;
                default:
                    return;
            }
        }
    }

    /// <summary>Hang up when a step failed or fell overdue, when the script says so (once every key is in), or after lingering past the end.</summary>
    private CallerReaction Decide(CallTimeline timeline)
    {
        if (_failure is not null || Overdue(timeline.Now))
        {
            return CallerReaction.HangUp;
        }

        if (_typed.Count > 0)
        {
            return CallerReaction.Stay;
        }

        if (Current is HangUpStep)
        {
            Advance(timeline.Now);
            return CallerReaction.HangUp;
        }

        return Current is null && timeline.Now - _stepStarted > Linger ? CallerReaction.HangUp : CallerReaction.Stay;
    }

    private bool Overdue(DateTimeOffset now)
    {
        var within = Current switch
        {
            ExpectStep expect => expect.Within,
            ExpectHangupStep hangup => hangup.Within,
            _ => (TimeSpan?)null,
        };
        if (within is null || now - _stepStarted <= within)
        {
            return _failure is not null;
        }

        Fail($"not within {within.Value.TotalSeconds:0.#}s{Heard()}");
        return true;
    }

    private void Remember(string text)
    {
        _recent.Add(text);
        if (_recent.Count > 5)
        {
            _recent.RemoveAt(0);
        }
    }

    private string Heard() => _recent.Count == 0 ? "; nothing was heard" : "; last heard: " + string.Join(" | ", _recent.Select(r => $"\"{r}\""));

    private static string Describe(CallerInput input) => input switch
    {
        KeyInput key => $"key {key.Key}",
        SpeechInput speech => $"\"{speech.Text}\"",
        _ => input.ToString(),
    };

    private void Fail(string reason) => _failure ??= new ScriptVerdict(false, Current, reason);

    private void Advance(DateTimeOffset at)
    {
        _index++;
        _stepStarted = at;
    }
}
