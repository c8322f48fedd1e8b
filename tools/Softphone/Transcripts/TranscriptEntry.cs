using System.Globalization;
using PhoneBooking.Softphone.Platform;
using PhoneBooking.Softphone.Webhooks;

namespace PhoneBooking.Softphone.Transcripts;

public enum TranscriptKind
{
    Call,
    Request,
    Response,
    Say,
    Play,
    Pause,
    Gather,
    Input,
    Redirect,
    Enqueue,
    Dial,
    Hangup,
    Reject,
    Error,
    Warning,
    StatusCallback,
    Note,
}

/// <summary>One line of a call's transcript, stamped with the time since the call started.</summary>
public sealed record TranscriptEntry(TimeSpan At, TranscriptKind Kind, string Text)
{
    /// <summary>Set on <see cref="TranscriptKind.Response"/> and callback entries: the whole HTTP exchange.</summary>
    public WebhookExchange? Exchange { get; init; }

    /// <summary>Set on error and warning entries.</summary>
    public TwilioNotification? Notification { get; init; }

    /// <summary>Set on <see cref="TranscriptKind.Say"/> entries: the prompt, and how much of it the line said.</summary>
    public SpokenPrompt? Speech { get; init; }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{At.TotalSeconds,8:0.000}s] {Label(Kind),-8} {Text}");

    private static string Label(TranscriptKind kind) => kind switch
    {
        TranscriptKind.Request => "->",
        TranscriptKind.Response => "<-",
        TranscriptKind.StatusCallback => "CALLBACK",
        _ => kind.ToString().ToUpperInvariant(),
    };
}

/// <summary>
/// A &lt;Say&gt; as the line said it: its whole <see cref="Text"/>, and the <see cref="WordsSaid"/> of its
/// <see cref="Words"/> in <see cref="Airtime"/> (fewer when the caller stopped it: barge-in).
/// </summary>
public sealed record SpokenPrompt(string Text, string Language, int Words, int WordsSaid, TimeSpan Airtime)
{
    public bool Interrupted => WordsSaid < Words;
}
