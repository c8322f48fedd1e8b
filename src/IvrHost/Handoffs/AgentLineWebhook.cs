using System.Globalization;
using PhoneBooking.IvrHost.Voice;

namespace PhoneBooking.IvrHost.Handoffs;

/// <summary>
/// A webhook of a caller on their way to a person: the call's fields, plus what Twilio adds while
/// they hold in the queue (position, time waited, average wait), when they leave it (QueueResult)
/// and when a dial-through ends (DialCallStatus). <see cref="Outbound"/>: a call the line placed (a call back).
/// </summary>
public sealed record AgentLineWebhook(
    VoiceWebhook Call,
    bool Outbound,
    int? QueuePosition,
    TimeSpan QueueTime,
    TimeSpan? AverageQueueTime,
    string? QueueResult,
    string? DialCallStatus)
{
    public static AgentLineWebhook? Read(IFormCollection form) =>
        VoiceWebhook.Read(form) is { } call
            ? new AgentLineWebhook(
                call,
                form["Direction"].ToString().StartsWith("outbound", StringComparison.Ordinal),
                Number(form, "QueuePosition") is > 0 and var position ? position : null,
                TimeSpan.FromSeconds(Number(form, "QueueTime") ?? 0),
                Number(form, "AvgQueueTime") is { } average ? TimeSpan.FromSeconds(average) : null,
                Word(form, "QueueResult"),
                Word(form, "DialCallStatus"))
            : null;

    private static int? Number(IFormCollection form, string name) =>
        int.TryParse(form[name].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Twilio's status words ("queue-full", "no-answer"); anything else is not one.</summary>
    private static string? Word(IFormCollection form, string name) =>
        form[name].ToString() is { Length: > 0 and <= 32 } word && word.All(c => char.IsAsciiLetterLower(c) || c == '-') ? word : null;
}
