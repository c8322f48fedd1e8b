using Markup = Spectre.Console.Markup;
using PhoneBooking.Softphone.Callers;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Timing;
using PhoneBooking.Softphone.Twiml;

namespace PhoneBooking.Softphone.Cli;

/// <summary>The person at the keyboard: reads the prompts (or hears them through espeak-ng), presses keys, types speech.</summary>
internal sealed class ConsoleCaller(ConsoleOutput output, ConsoleInput input, Espeak? espeak) : ICaller
{
    private int _prompted = -1;

    public async ValueTask<CallerReaction> HearAsync(Heard heard, CallTimeline timeline, CancellationToken cancellationToken)
    {
        if (espeak is not null && heard.Kind == HeardKind.Speech)
        {
            await espeak.SpeakAsync(heard.Text, heard.Language, cancellationToken);
        }

        return CallerReaction.Stay;
    }

    /// <summary>Keys typed while a prompt prints (or plays through espeak-ng) wait in the terminal for the next Gather.</summary>
    public ValueTask<TimedInput?> InputBeforeAsync(DateTimeOffset until, CallTimeline timeline, CancellationToken cancellationToken) =>
        ValueTask.FromResult<TimedInput?>(null);

    public async ValueTask<CallerInput> NextInputAsync(InputRequest request, CallTimeline timeline, CancellationToken cancellationToken)
    {
        if (_prompted != request.GatherId)
        {
            _prompted = request.GatherId;
            var what = request.Accepts switch
            {
                GatherInput.Speech => "type what you say + Enter",
                GatherInput.Dtmf => "press keys (0-9 * #)",
                _ => "press keys, or type what you say + Enter",
            };
            output.Inline($"[green]  > {Markup.Escape(what)}; Enter = silence, Esc = hang up ({request.Timeout.TotalSeconds:0} s): [/]");
        }

        return await input.ReadAsync(request.Timeout, cancellationToken);
    }

    public ValueTask CallEndedAsync(CallEnding ending, CallTimeline timeline, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
