using System.Globalization;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>
/// Every <c>/voice/...</c> path Twilio is told about, in one table: the Map calls, the TwiML that
/// points at them (Gather actions, Enqueue and Dial actions, wait URLs) and the REST calls that
/// place callbacks all read it here. No path carries personal data: a turn, a callback id, an attempt.
/// </summary>
public static class VoiceRoutes
{
    /// <summary>The group every voice route lives in (signature check, body limit, safety net).</summary>
    public const string Group = "/voice";

    public static readonly VoiceRoute Answer = new("/");
    public static readonly VoiceRoute Input = new("/input");
    public static readonly VoiceRoute Status = new("/status");
    public static readonly VoiceRoute Fallback = new("/fallback");

    // The way to a person (Handoffs).
    public static readonly VoiceRoute QueueWait = new("/queue/wait");
    public static readonly VoiceRoute QueueCallback = new("/queue/callback");
    public static readonly VoiceRoute QueueResult = new("/queue/result");
    public static readonly VoiceRoute AgentDialed = new("/agent/dialed");
    public static readonly VoiceRoute AgentCallback = new("/agent/callback");

    // Calls the line places (Callbacks).
    public static readonly VoiceRoute Outbound = new("/outbound");
    public static readonly VoiceRoute OutboundContinue = new("/outbound/continue");
    public static readonly VoiceRoute OutboundMachine = new("/outbound/machine");
    public static readonly VoiceRoute OutboundStatus = new("/outbound/status");
    public static readonly VoiceRoute OutboundAmd = new("/outbound/amd");

    /// <summary>The Gather action of a call-flow prompt: the turn it answers, nothing else.</summary>
    public static Uri InputFor(int turn) => new($"{Input.Path}?turn={turn.ToString(CultureInfo.InvariantCulture)}", UriKind.Relative);
}

/// <summary>One route: <see cref="Pattern"/> inside the <c>/voice</c> group, <see cref="Path"/> as Twilio requests it.</summary>
public sealed record VoiceRoute(string Pattern)
{
    /// <summary>The path Twilio requests: /voice/input (the group root is /voice).</summary>
    public string Path => Pattern == "/" ? VoiceRoutes.Group : VoiceRoutes.Group + Pattern;

    /// <summary>For TwiML attributes (action, waitUrl): relative, resolved by Twilio against the document's URL.</summary>
    public Uri Relative => new(Path, UriKind.Relative);

    /// <summary>The route's name in logs and metrics (voice/input).</summary>
    public string Name => Path.TrimStart('/');

    public bool Matches(PathString path) => path.StartsWithSegments(Path, StringComparison.Ordinal);
}
