using Microsoft.Extensions.Logging;
using PhoneBooking.Softphone.Timing;
using PhoneBooking.Softphone.Transcripts;

namespace PhoneBooking.Softphone.Cloud;

/// <summary>How the REST stand-in runs: its port, the clock of the calls it places, who answers them.</summary>
public sealed record CloudSettings
{
    /// <summary>0 picks a free port (tests); the CLI listens on 5081.</summary>
    public int Port { get; init; }

    public TimeMode TimeMode { get; init; } = TimeMode.Virtual;

    /// <summary>Default: a person answers after 3 s of ringing and listens.</summary>
    public AnswerPolicy AnswerPolicy { get; init; } = (_, _) => ValueTask.FromResult(AnswerPlan.Human());

    /// <summary>Sees every transcript line of every call placed (the CLI prints them).</summary>
    public Action<string, TranscriptEntry>? OnTranscript { get; init; }

    /// <summary>Sees every message sent (the CLI prints them).</summary>
    public Action<CloudMessage>? OnMessage { get; init; }

    public ILoggerFactory? Loggers { get; init; }
}
