using PhoneBooking.Softphone.Callers;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Platform;
using PhoneBooking.Softphone.Timing;
using PhoneBooking.Softphone.Transcripts;
using PhoneBooking.Softphone.Twiml;

namespace PhoneBooking.Softphone.Interpreter;

internal sealed partial class CallSession
{
    /// <summary>Twilio repeats a loop="0" Say or Play "until the call ends": 1,000 times at most.</summary>
    private const int EndlessLoop = 1000;

    private Task<VerbOutcome> ExecuteAsync(TwimlVerb verb, Uri? documentUrl, CancellationToken cancellationToken) => verb switch
    {
        SayVerb say => RepeatAsync(say.Loop, ct => SayAsync(say.Text, say.Language, ct, say.Voice), cancellationToken),
        PlayVerb play => RepeatAsync(play.Loop, ct => PlayAsync(play, ct), cancellationToken),
        PauseVerb pause => PauseAsync(pause, cancellationToken),
        GatherVerb gather => GatherAsync(gather, documentUrl, cancellationToken),
        RedirectVerb redirect => Task.FromResult(Redirect(redirect, documentUrl)),
        HangupVerb => Task.FromResult(Hangup("<Hangup/>")),
        RejectVerb => Task.FromResult(Hangup("<Reject/> on an answered call hangs up")),
        EnqueueVerb enqueue => EnqueueAsync(enqueue, documentUrl, cancellationToken),
        LeaveVerb => Task.FromResult(Skip("<Leave/> outside a queue's wait music does nothing")),
        DialVerb dial => DialAsync(dial, documentUrl, cancellationToken),
        UnsupportedVerb unsupported => Task.FromResult(Skip($"<{unsupported.Name}> is valid TwiML the softphone does not simulate: skipped (line {unsupported.Line})")),
        _ => throw new InvalidOperationException($"Unknown verb {verb}."),
    };

    private static async Task<VerbOutcome> RepeatAsync(int loop, Func<CancellationToken, Task<VerbOutcome>> once, CancellationToken cancellationToken)
    {
        var times = loop == 0 ? EndlessLoop : loop;
        for (var i = 0; i < times; i++)
        {
            var outcome = await once(cancellationToken);
            if (outcome is not ContinueOutcome)
            {
                return outcome;
            }
        }

        return VerbOutcome.Continue;
    }

    internal async Task<VerbOutcome> SayAsync(string text, string language, CancellationToken cancellationToken, string? voice = null)
    {
        Add(TranscriptKind.Say, language == "en-US" && voice is null ? text : $"{text} [{language}{(voice is null ? "" : ", " + voice)}]");
        timeline.Speak(SpeechTiming.Duration(text, services.Options.WordsPerMinute));
        return await HearAsync(new Heard(HeardKind.Speech, text, language), cancellationToken);
    }

    private async Task<VerbOutcome> PlayAsync(PlayVerb play, CancellationToken cancellationToken)
    {
        if (play.Digits is not null)
        {
            Add(TranscriptKind.Play, $"DTMF tones {play.Digits}");
            await timeline.WaitAsync(TimeSpan.FromMilliseconds(200 * play.Digits.Length), cancellationToken);
            var outcome = await HearAsync(new Heard(HeardKind.Audio, play.Digits), cancellationToken);
            if (outcome is not ContinueOutcome || play.Url is null)
            {
                return outcome;
            }
        }

        Add(TranscriptKind.Play, play.Url!);
        await timeline.WaitAsync(services.Options.PlayDuration, cancellationToken);
        return await HearAsync(new Heard(HeardKind.Audio, play.Url!), cancellationToken);
    }

    private async Task<VerbOutcome> PauseAsync(PauseVerb pause, CancellationToken cancellationToken)
    {
        Add(TranscriptKind.Pause, $"{pause.Length.TotalSeconds:0} s");
        await timeline.WaitAsync(pause.Length, cancellationToken);
        return VerbOutcome.Continue;
    }

    internal async Task<VerbOutcome> HearAsync(Heard heard, CancellationToken cancellationToken) =>
        await caller.HearAsync(heard, timeline, cancellationToken) == CallerReaction.HangUp ? CallerHungUp() : VerbOutcome.Continue;

    internal VerbOutcome CallerHungUp()
    {
        Add(TranscriptKind.Hangup, "the caller hung up");
        return VerbOutcome.End(CallStatuses.Completed, EndReason.CallerHungUp, "the caller hung up");
    }

    private VerbOutcome Redirect(RedirectVerb redirect, Uri? documentUrl)
    {
        Add(TranscriptKind.Redirect, $"{redirect.Method} {redirect.Url}");
        return VerbOutcome.Navigate(Navigate("redirect", redirect.Url, redirect.Method, documentUrl, []));
    }

    private VerbOutcome Hangup(string why)
    {
        Add(TranscriptKind.Hangup, $"the line hung up ({why})");
        return VerbOutcome.End(CallStatuses.Completed, EndReason.LineHungUp, why);
    }

    private VerbOutcome Skip(string why)
    {
        Add(TranscriptKind.Note, why);
        return VerbOutcome.Continue;
    }
}
