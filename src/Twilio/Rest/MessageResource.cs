namespace PhoneBooking.Twilio.Rest;

/// <summary>The parts of Twilio's Message resource the line reads.</summary>
public sealed record MessageResource(
    string Sid,
    string? AccountSid,
    string? Status,
    string? MessagingServiceSid,
    int? ErrorCode);
