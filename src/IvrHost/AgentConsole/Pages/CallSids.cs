using System.Diagnostics.CodeAnalysis;

namespace PhoneBooking.IvrHost.AgentConsole.Pages;

/// <summary>Calls are addressed by their Twilio CallSid (an id, never personal data), checked like the webhooks check it.</summary>
public static class CallSids
{
    public static bool IsValid([NotNullWhen(true)] string? callSid) =>
        callSid is { Length: > 0 and <= Voice.VoiceWebhook.MaxCallSidLength } && callSid.All(char.IsAsciiLetterOrDigit);

    public static string PagePath(string callSid) => $"{AgentConsoleServiceCollectionExtensions.PathBase}/calls/{callSid}";
}
