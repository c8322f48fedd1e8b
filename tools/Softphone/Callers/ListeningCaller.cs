using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Timing;

namespace PhoneBooking.Softphone.Callers;

/// <summary>
/// Someone (or a voicemail box) who only listens: never presses a key, keeps everything heard (for a
/// machine, the message the line leaves), and hangs up after <see cref="MaxListen"/>.
/// </summary>
public sealed class ListeningCaller : ICaller
{
    private readonly Lock _gate = new();
    private readonly List<string> _heard = [];
    private DateTimeOffset? _started;

    public TimeSpan MaxListen { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>What the line said and played, in order.</summary>
    public IReadOnlyList<string> Heard
    {
        get
        {
            lock (_gate)
            {
                return [.. _heard];
            }
        }
    }

    public ValueTask<CallerReaction> HearAsync(Heard heard, CallTimeline timeline, CancellationToken cancellationToken)
    {
        _started ??= timeline.Now;
        if (heard.Kind is HeardKind.Speech or HeardKind.Audio)
        {
            lock (_gate)
            {
                _heard.Add(heard.Text);
            }
        }

        return ValueTask.FromResult(Done(timeline) ? CallerReaction.HangUp : CallerReaction.Stay);
    }

    public ValueTask<TimedInput?> InputBeforeAsync(DateTimeOffset until, CallTimeline timeline, CancellationToken cancellationToken) =>
        ValueTask.FromResult<TimedInput?>(null);

    public async ValueTask<CallerInput> NextInputAsync(InputRequest request, CallTimeline timeline, CancellationToken cancellationToken)
    {
        _started ??= timeline.Now;
        await timeline.WaitAsync(request.Timeout, cancellationToken);
        return Done(timeline) ? CallerInput.HangUp : CallerInput.Silence;
    }

    public ValueTask CallEndedAsync(CallEnding ending, CallTimeline timeline, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    private bool Done(CallTimeline timeline) => timeline.Now - _started > MaxListen;
}
