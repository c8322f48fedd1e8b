using PhoneBooking.Softphone.Callers;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Timing;

namespace PhoneBooking.Line.Bench;

/// <summary>
/// A scripted caller who takes a person's time, compressed <paramref name="speedup"/> times: each prompt
/// costs its spoken length (150 words a minute), each key a quarter second, each silence the Gather's
/// timeout. Calls paced like this overlap as real ones do — a few are at a webhook at any moment, most
/// are listening — instead of all hitting the line at once (<see cref="ScriptedCaller"/> alone, in
/// virtual time, never waits for anything but the line).
/// </summary>
internal sealed class PacedCaller(ICaller inner, double speedup) : ICaller
{
    private static readonly TimeSpan KeyInterval = TimeSpan.FromMilliseconds(250);

    public async ValueTask<CallerReaction> HearAsync(Heard heard, CallTimeline timeline, CancellationToken cancellationToken)
    {
        if (heard.Kind == HeardKind.Speech)
        {
            await Task.Delay(SpeechTiming.Duration(heard.Text, Prompts.Rendering.PromptSpeech.WordsPerMinute) / speedup, cancellationToken);
        }

        return await inner.HearAsync(heard, timeline, cancellationToken);
    }

    public ValueTask<TimedInput?> InputBeforeAsync(DateTimeOffset until, CallTimeline timeline, CancellationToken cancellationToken) =>
        inner.InputBeforeAsync(until, timeline, cancellationToken);

    public async ValueTask<CallerInput> NextInputAsync(InputRequest request, CallTimeline timeline, CancellationToken cancellationToken)
    {
        var input = await inner.NextInputAsync(request, timeline, cancellationToken);
        var pause = input switch
        {
            KeyInput => KeyInterval,
            SilenceInput => request.Timeout,
            _ => TimeSpan.Zero,
        };
        await Task.Delay(pause / speedup, cancellationToken);
        return input;
    }

    public ValueTask CallEndedAsync(CallEnding ending, CallTimeline timeline, CancellationToken cancellationToken) =>
        inner.CallEndedAsync(ending, timeline, cancellationToken);
}
