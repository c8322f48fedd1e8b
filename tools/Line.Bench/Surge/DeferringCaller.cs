using PhoneBooking.Softphone.Callers;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Softphone.Timing;

namespace PhoneBooking.Line.Bench.Surge;

/// <summary>
/// A surge caller: follows their journey's script, unless the line answers that it is very busy — then, as a
/// person would, they take the call back offered (<see cref="SurgeJourneys.AcceptCallback"/>) instead.
/// </summary>
internal sealed class DeferringCaller(CallScript journey) : ICaller
{
    /// <summary>The words that tell the caller the line is not taking their call now (issue 16's "very busy" prompt).</summary>
    public const string BusyPhrase = "very busy";

    private ScriptedCaller _current = new(journey);

    public bool Deferred { get; private set; }

    public ScriptVerdict Verdict => _current.Verdict;

    public ValueTask<CallerReaction> HearAsync(Heard heard, CallTimeline timeline, CancellationToken cancellationToken)
    {
        if (!Deferred && heard.Kind == HeardKind.Speech && PhraseMatcher.IndexAfter(heard.Text, BusyPhrase) >= 0)
        {
            Deferred = true;
            _current = new ScriptedCaller(SurgeJourneys.AcceptCallback());
        }

        return _current.HearAsync(heard, timeline, cancellationToken);
    }

    public ValueTask<TimedInput?> InputBeforeAsync(DateTimeOffset until, CallTimeline timeline, CancellationToken cancellationToken) =>
        _current.InputBeforeAsync(until, timeline, cancellationToken);

    public ValueTask<CallerInput> NextInputAsync(InputRequest request, CallTimeline timeline, CancellationToken cancellationToken) =>
        _current.NextInputAsync(request, timeline, cancellationToken);

    public ValueTask CallEndedAsync(CallEnding ending, CallTimeline timeline, CancellationToken cancellationToken) =>
        _current.CallEndedAsync(ending, timeline, cancellationToken);
}
