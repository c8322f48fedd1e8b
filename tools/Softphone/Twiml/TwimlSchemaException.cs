using PhoneBooking.Softphone.Platform;

namespace PhoneBooking.Softphone.Twiml;

/// <summary>A document Twilio refuses to execute; carries the notification Twilio would log.</summary>
public sealed class TwimlSchemaException(TwilioNotification notification) : Exception(notification.ToString())
{
    public TwilioNotification Notification { get; } = notification;
}
