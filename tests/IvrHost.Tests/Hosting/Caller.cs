using System.Xml.Linq;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Tests.Voice;
using PhoneBooking.IvrHost.Voice;

namespace PhoneBooking.IvrHost.Tests.Hosting;

/// <summary>A caller born 1950-03-05, in English, free any time from the earliest day, reachable at the number they call from.</summary>
internal static class Caller
{
    public static string SubmitKey(SignedWebhooks call) => CallWork.SubmitKey(new CallSession { CallSid = call.CallSid }).Value;

    public static async Task UntilBirthDateConfirmationAsync(SignedWebhooks call)
    {
        await call.DialAsync();
        await call.PressAsync("1"); // English
        await call.PressAsync("1"); // book
        await call.TypeAsync("19500305#");
    }

    /// <summary>Up to "to wait on the line, press 1": the next 1 submits (a call back: 2, then the number read back).</summary>
    public static async Task<XDocument> UntilWaitChoiceAsync(SignedWebhooks call, bool dialed = false, bool pressedLanguage = false)
    {
        if (!dialed)
        {
            await call.DialAsync();
        }

        if (!pressedLanguage)
        {
            await call.PressAsync("1"); // English
        }

        await call.PressAsync("1"); // book
        await call.TypeAsync("19500305#");
        await call.PressAsync("1"); // that is my birth date
        return await call.PressAsync("1"); // the first time available
    }

    /// <summary>While the backend is down: English, "call me back when it works", the request, the number.</summary>
    public static async Task<XDocument> DeferredRequestAsync(SignedWebhooks call)
    {
        await call.DialAsync();
        await call.PressAsync("1"); // English: the line says it is down
        await call.PressAsync("1"); // call me back when it works
        await call.TypeAsync("19500305#");
        await call.PressAsync("1"); // that is my birth date
        await call.PressAsync("1"); // the first time available
        return await call.PressAsync("1"); // that number
    }

    /// <summary>The hold loop, as Twilio runs it: each Gather times out and posts silence until the offer is read out.</summary>
    public static async Task<XDocument> HoldUntilOfferAsync(SignedWebhooks call)
    {
        for (var poll = 0; poll < 50; poll++)
        {
            var twiml = await call.PressAsync(null);
            if (SignedWebhooks.Heard(twiml).Contains("We have a time for you", StringComparison.Ordinal))
            {
                return twiml;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No offer after 50 polls.");
    }
}
