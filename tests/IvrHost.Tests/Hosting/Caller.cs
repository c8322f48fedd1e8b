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
        await call.PressAsync("19500305");
    }

    /// <summary>Up to "we will call you back at …, press 1": the next key submits.</summary>
    public static async Task UntilPhoneConfirmedAsync(SignedWebhooks call, bool dialed = false, bool pressedLanguage = false)
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
        await call.PressAsync("19500305");
        await call.PressAsync("1"); // that is my birth date
        await call.PressAsync("1"); // earliest day
        await call.PressAsync("4"); // any time
        await call.PressAsync("2"); // no more choices
    }

    /// <summary>While the backend is down: English, "call me back when it works", the request, the number.</summary>
    public static async Task<XDocument> DeferredRequestAsync(SignedWebhooks call)
    {
        await call.DialAsync();
        await call.PressAsync("1"); // English: the line says it is down
        await call.PressAsync("1"); // call me back when it works
        await call.PressAsync("19500305");
        await call.PressAsync("1"); // that is my birth date
        await call.PressAsync("1"); // earliest day
        await call.PressAsync("4"); // any time
        await call.PressAsync("2"); // no more choices
        return await call.PressAsync("1"); // that number
    }
}
