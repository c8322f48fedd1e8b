using PhoneBooking.Twilio.Types;

namespace PhoneBooking.Twilio.Rest;

/// <summary>POST /Messages.json (SDK: <c>CreateMessageOptions</c>): an SMS from our number or a messaging service.</summary>
public sealed class CreateMessageOptions(PhoneNumber to)
{
    public PhoneNumber To { get; } = to;

    public PhoneNumber? From { get; set; }

    public string? MessagingServiceSid { get; set; }

    public string? Body { get; set; }

    public Uri? StatusCallback { get; set; }

    internal IEnumerable<KeyValuePair<string, string>> ToForm()
    {
        if ((From is null) == string.IsNullOrEmpty(MessagingServiceSid))
        {
            throw new ArgumentException("A message needs exactly one of From and MessagingServiceSid.");
        }

        ArgumentException.ThrowIfNullOrEmpty(Body);
        return new FormFields()
            .Add("To", To.ToString())
            .Add("From", From?.ToString())
            .Add("MessagingServiceSid", MessagingServiceSid)
            .Add("Body", Body)
            .Add("StatusCallback", StatusCallback);
    }
}
