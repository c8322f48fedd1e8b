using PhoneBooking.Softphone.Platform;

namespace PhoneBooking.Softphone.Calls;

public static class CallDirections
{
    public const string Inbound = "inbound";
    public const string OutboundApi = "outbound-api";
}

/// <summary>
/// Who is calling whom, and the call's state as Twilio reports it: the standard parameters every webhook of
/// the call carries (twilio.com/docs/voice/twiml#request-parameters).
/// </summary>
public sealed class CallContext(string callSid, string accountSid, string from, string to, string direction, CallerProfile profile)
{
    private int _sequence;

    public string CallSid { get; } = callSid;

    public string AccountSid { get; } = accountSid;

    public string From { get; } = from;

    public string To { get; } = to;

    public string Direction { get; } = direction;

    public CallerProfile Profile { get; } = profile;

    public string Status { get; set; } = CallStatuses.Ringing;

    public string? CallerName { get; init; }

    public string? ForwardedFrom { get; init; }

    /// <summary>Sent with the webhooks: synchronous answering machine detection puts it in the first one.</summary>
    public string? AnsweredBy { get; set; }

    /// <summary>What answering machine detection found (the call resource's answered_by), sync or async.</summary>
    public string? MachineDetectionResult { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public int NextSequenceNumber() => Interlocked.Increment(ref _sequence) - 1;

    public List<KeyValuePair<string, string>> StandardParameters()
    {
        var p = Profile;
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("AccountSid", AccountSid),
            new("ApiVersion", "2010-04-01"),
            new("CallSid", CallSid),
            new("CallStatus", Status),
            new("Called", To),
            new("CalledCity", p.ToCity),
            new("CalledCountry", p.ToCountry),
            new("CalledState", p.ToState),
            new("CalledZip", p.ToZip),
            new("Caller", From),
            new("CallerCity", p.FromCity),
            new("CallerCountry", p.FromCountry),
            new("CallerState", p.FromState),
            new("CallerZip", p.FromZip),
            new("Direction", Direction),
            new("From", From),
            new("FromCity", p.FromCity),
            new("FromCountry", p.FromCountry),
            new("FromState", p.FromState),
            new("FromZip", p.FromZip),
            new("To", To),
            new("ToCity", p.ToCity),
            new("ToCountry", p.ToCountry),
            new("ToState", p.ToState),
            new("ToZip", p.ToZip),
        };
        Optional("CallerName", CallerName);
        Optional("ForwardedFrom", ForwardedFrom);
        Optional("AnsweredBy", AnsweredBy);
        return parameters;

        void Optional(string name, string? value)
        {
            if (value is not null)
            {
                parameters.Add(new(name, value));
            }
        }
    }
}
