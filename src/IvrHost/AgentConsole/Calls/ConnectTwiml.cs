using PhoneBooking.IvrHost.AgentConsole.Accounts;
using PhoneBooking.Twilio.AspNetCore;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace PhoneBooking.IvrHost.AgentConsole.Calls;

/// <summary>What a claimed call is redirected to: <c>&lt;Response&gt;&lt;Dial&gt;</c> the agent's SIP address or phone.</summary>
public static class ConnectTwiml
{
    public static string For(AgentAccount agent)
    {
        var dial = new Dial();
        if (!string.IsNullOrWhiteSpace(agent.SipAddress))
        {
            dial.Sip(new Uri(agent.SipAddress));
        }
        else if (!string.IsNullOrWhiteSpace(agent.Phone))
        {
            dial.Number(agent.Phone);
        }
        else
        {
            throw new InvalidOperationException($"Account '{agent.Name}' has neither Phone nor SipAddress to put a call through to.");
        }

        return TwiMLResult.Render(new VoiceResponse().Append(dial));
    }
}
