namespace PhoneBooking.Twilio.AspNetCore;

/// <summary>Why a webhook was refused; logged and counted, never shown in detail to the caller.</summary>
public enum WebhookRejection
{
    NoAuthToken,
    MissingSignature,
    SignatureMismatch,
    BodyHashMismatch,
    UnreadableBody,
}
