using System.Text.RegularExpressions;
using System.Xml.Linq;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Scripts;
using PhoneBooking.Softphone.Transcripts;
using PhoneBooking.Softphone.Webhooks;

namespace PhoneBooking.EndToEnd.Tests.Calls;

/// <summary>What every call must satisfy, whatever its script: every webhook answered well, nothing Twilio would log.</summary>
public static partial class CallChecks
{
    /// <summary>The script passed, and no webhook answered an error, a 5xx or TwiML Twilio would reject or warn about.</summary>
    public static void AssertPassedCleanly(this ScriptRun run)
    {
        Assert.True(run.Passed, run.ToString());
        run.Call.AssertClean();
    }

    public static void AssertClean(this CallResult call)
    {
        Assert.True(call.Transcript.Notifications.Count == 0, $"Twilio notifications: {string.Join("; ", call.Transcript.Notifications)}{Environment.NewLine}{call}");
        Assert.NotEmpty(call.Transcript.Webhooks);
        foreach (var exchange in call.Transcript.Webhooks)
        {
            exchange.AssertAnswered();
        }
    }

    /// <summary>2xx, and a TwiML fetch answered with a well-formed &lt;Response&gt; document.</summary>
    public static void AssertAnswered(this WebhookExchange exchange)
    {
        Assert.True(exchange.IsSuccess, $"{exchange.Method} {exchange.Url} ({exchange.Purpose}): HTTP {exchange.StatusCode} {exchange.Failure}{Environment.NewLine}{exchange.Body}");
        if (exchange.StatusCode != 204)
        {
            Assert.StartsWith("text/xml", exchange.ContentType, StringComparison.Ordinal);
            Assert.Equal("Response", XDocument.Parse(exchange.Body).Root?.Name.LocalName);
        }
    }

    /// <summary>Everything heard, in order, as one text.</summary>
    public static string Heard(this CallResult call) => string.Join(" | ", call.Transcript.Heard);

    /// <summary>The TwiML documents the line answered, in order.</summary>
    public static IReadOnlyList<string> Documents(this CallResult call) =>
        [.. call.Transcript.Entries.Where(e => e.Kind == TranscriptKind.Response && e.Exchange is not null).Select(e => e.Exchange!.Body)];

    /// <summary>The 8-digit confirmation code as read to the caller (digit by digit, in groups).</summary>
    public static string ConfirmationCode(this CallResult call)
    {
        var match = CodeRead().Match(call.Heard());
        Assert.True(match.Success, $"No confirmation code heard:{Environment.NewLine}{call}");
        var digits = new string([.. match.Groups[1].Value.Where(char.IsAsciiDigit)]);
        Assert.Equal(8, digits.Length);
        return digits;
    }

    [GeneratedRegex(@"confirmation code is ([\d\s,.]+)")]
    private static partial Regex CodeRead();
}
