using Microsoft.Extensions.Options;
using PhoneBooking.Prompts.Catalog;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>
/// The minimal answer for Twilio's Fallback URL and for any webhook that failed: an apology in
/// every language and the queue for a person (or the overflow number when one is set). Built once
/// at start, so serving it needs nothing but this process.
/// </summary>
public sealed class FallbackTwiml
{
    public FallbackTwiml(PromptCatalog prompts, IOptions<LineOptions> options)
    {
        var response = new VoiceResponse();
        foreach (var locale in prompts.Locales)
        {
            response.Append(prompts.Render("fallback.apology", locale));
        }

        if (options.Value.OverflowNumber is { Length: > 0 } overflow)
        {
            response.Dial(overflow);
        }
        else
        {
            response.Enqueue(options.Value.AgentQueue);
        }

        response.Hangup();
        Response = response;
    }

    public VoiceResponse Response { get; }

    /// <summary>For a webhook that plays inside the queue's wait: a moment of quiet, then Twilio asks the wait URL again.</summary>
    public VoiceResponse Holding { get; } = new VoiceResponse().Pause(10);
}
