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

    /// <param name="listening">Set for the prompts nested in a Gather: the input it takes while they play.</param>
    private Task<VerbOutcome> ExecuteAsync(TwimlVerb verb, Uri? documentUrl, CancellationToken cancellationToken, GatherInput? listening = null) => verb switch
    {
        SayVerb say => RepeatAsync(say.Loop, ct => SayAsync(say.Text, say.Language, ct, say.Voice, listening), cancellationToken),
        PlayVerb play => RepeatAsync(play.Loop, ct => PlayAsync(play, listening, ct), cancellationToken),
        PauseVerb pause => PauseAsync(pause, listening, cancellationToken),
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

    internal Task<VerbOutcome> SayAsync(string text, string language, CancellationToken cancellationToken, string? voice = null, GatherInput? listening = null)
    {
        var suffix = language == "en-US" && voice is null ? "" : $" [{language}{(voice is null ? "" : ", " + voice)}]";
        var heard = new Heard(HeardKind.Speech, text, language) { Duration = SpeechTiming.Duration(text, services.Options.WordsPerMinute), Listening = listening };
        return OnAirAsync(TranscriptKind.Say, heard, played => SpeechTiming.Said(text, played, heard.Duration) + suffix, cancellationToken);
    }

    private async Task<VerbOutcome> PlayAsync(PlayVerb play, GatherInput? listening, CancellationToken cancellationToken)
    {
        if (play.Digits is not null)
        {
            var tones = new Heard(HeardKind.Audio, play.Digits) { Duration = TimeSpan.FromMilliseconds(200 * play.Digits.Length), Listening = listening };
            var outcome = await OnAirAsync(TranscriptKind.Play, tones, played => $"DTMF tones {play.Digits}{Stopped(played, tones.Duration)}", cancellationToken);
            if (outcome is not ContinueOutcome || play.Url is null)
            {
                return outcome;
            }
        }

        var audio = new Heard(HeardKind.Audio, play.Url!) { Duration = services.Options.PlayDuration, Listening = listening };
        return await OnAirAsync(TranscriptKind.Play, audio, played => play.Url + Stopped(played, audio.Duration), cancellationToken);
    }

    private Task<VerbOutcome> PauseAsync(PauseVerb pause, GatherInput? listening, CancellationToken cancellationToken)
    {
        var silence = new Heard(HeardKind.Audio, "") { Duration = pause.Length, Listening = listening };
        return OnAirAsync(TranscriptKind.Pause, silence, played => $"{pause.Length.TotalSeconds:0} s{Stopped(played, pause.Length)}", cancellationToken);
    }

    /// <summary>
    /// The line says, plays or pauses for <see cref="Heard.Duration"/>. Input the caller gives meanwhile: a Gather
    /// listening takes the first it accepts, and the prompt stops there ("After the first digit is received the
    /// audio will stop playing", twilio.com/docs/voice/twiml/gather: bargeIn defaults to true); with no Gather
    /// listening Twilio drops it (support.twilio.com, "Troubleshooting issues with Gather": keys pressed before
    /// the Gather begins are not collected). <paramref name="show"/> gives the transcript line, with how long the
    /// caller let it play when they stopped it.
    /// </summary>
    private async Task<VerbOutcome> OnAirAsync(TranscriptKind kind, Heard heard, Func<TimeSpan?, string> show, CancellationToken cancellationToken)
    {
        var (started, startedAt) = (timeline.Elapsed, timeline.Now);
        var audible = kind != TranscriptKind.Pause;
        if (audible && await caller.HearAsync(heard, timeline, cancellationToken) == CallerReaction.HangUp)
        {
            transcript.Add(new TranscriptEntry(started, kind, show(null)) { Speech = Said(heard, null) });
            await SpendAsync(kind, heard.Duration, cancellationToken);
            return CallerHungUp();
        }

        var end = startedAt + heard.Duration;
        var lost = new List<TimedInput>();
        TimedInput? taken = null;
        while (await caller.InputBeforeAsync(end, timeline, cancellationToken) is { } input)
        {
            if (input.Input is HangUpInput || heard.Takes(input.Input))
            {
                taken = input;
                break;
            }

            lost.Add(input);
        }

        var playedFor = taken is null ? (TimeSpan?)null : Later(taken.At - startedAt);
        transcript.Add(new TranscriptEntry(started, kind, show(playedFor)) { Speech = Said(heard, playedFor) });
        foreach (var input in lost)
        {
            await SpendAsync(kind, Later(input.At - timeline.Now), cancellationToken);
            Add(TranscriptKind.Note, Lost(input.Input, heard.Listening));
        }

        if (taken is null)
        {
            await SpendAsync(kind, Later(end - timeline.Now), cancellationToken);
            return VerbOutcome.Continue;
        }

        await SpendAsync(kind, Later(taken.At - timeline.Now), cancellationToken);
        if (taken.Input is HangUpInput)
        {
            return CallerHungUp();
        }

        Add(TranscriptKind.Note, $"barge-in: {Describe(taken.Input)} {playedFor!.Value.TotalSeconds:0.0} s into the {Noun(kind)} ({heard.Duration.TotalSeconds:0.0} s) stopped it; the Gather takes it");
        return new BargeInOutcome(taken);
    }

    /// <summary>Time passes on the line with no Gather listening (hold music, a call connected elsewhere): keys pressed meanwhile are lost.</summary>
    private async Task PassAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var end = timeline.Now + duration;
        while (await caller.InputBeforeAsync(end, timeline, cancellationToken) is { } input)
        {
            await timeline.WaitAsync(Later(input.At - timeline.Now), cancellationToken);
            Add(TranscriptKind.Note, Lost(input.Input, listening: null));
        }

        await timeline.WaitAsync(Later(end - timeline.Now), cancellationToken);
    }

    /// <summary>Speech costs its words in virtual time only (printed text needs no waiting); play and pause time passes in both.</summary>
    private async ValueTask SpendAsync(TranscriptKind kind, TimeSpan duration, CancellationToken cancellationToken)
    {
        if (kind == TranscriptKind.Say)
        {
            timeline.Speak(duration);
        }
        else
        {
            await timeline.WaitAsync(duration, cancellationToken);
        }
    }

    private static TimeSpan Later(TimeSpan span) => span > TimeSpan.Zero ? span : TimeSpan.Zero;

    private static SpokenPrompt? Said(Heard heard, TimeSpan? played)
    {
        if (heard.Kind != HeardKind.Speech)
        {
            return null;
        }

        var words = SpeechTiming.Words(heard.Text).Length;
        return new SpokenPrompt(heard.Text, heard.Language ?? "en-US", words, SpeechTiming.WordsSaid(words, played, heard.Duration), played ?? heard.Duration);
    }

    private static string Stopped(TimeSpan? played, TimeSpan duration) =>
        played is null ? "" : $" (stopped after {played.Value.TotalSeconds:0.0} s of {duration.TotalSeconds:0.0} s)";

    private static string Noun(TranscriptKind kind) => kind switch
    {
        TranscriptKind.Say => "prompt",
        TranscriptKind.Pause => "pause",
        _ => "audio",
    };

    private static string Describe(CallerInput input) => input switch
    {
        KeyInput key => $"key {key.Key}",
        SpeechInput speech => $"speech \"{speech.Text}\"",
        _ => input.ToString(),
    };

    private static string Lost(CallerInput input, GatherInput? listening) => listening switch
    {
        null => $"{Describe(input)} while no Gather listens: Twilio drops it",
        GatherInput.Speech => $"{Describe(input)} ignored: this Gather listens for speech only",
        _ => $"{Describe(input)} ignored: this Gather listens for keys only",
    };

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
