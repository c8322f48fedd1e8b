using PhoneBooking.Softphone.Platform;
using PhoneBooking.Softphone.Transcripts;

namespace PhoneBooking.Softphone.Calls;

/// <summary>How a call went: Twilio's final status, why it ended, its billable duration, and the transcript.</summary>
public sealed record CallResult(
    string CallSid,
    string Status,
    EndReason EndReason,
    string Detail,
    bool Answered,
    TimeSpan Duration,
    TimeSpan Elapsed,
    Transcript Transcript)
{
    public IReadOnlyList<TwilioNotification> Errors => [.. Transcript.Notifications.Where(n => n.Level == NotificationLevel.Error)];

    public IReadOnlyList<TwilioNotification> Warnings => [.. Transcript.Notifications.Where(n => n.Level == NotificationLevel.Warning)];

    public override string ToString() =>
        $"{CallSid}: {Status} ({EndReason}: {Detail}), {Duration.TotalSeconds:0} s answered, {Elapsed.TotalSeconds:0.0} s in all{Environment.NewLine}{Transcript}";
}
