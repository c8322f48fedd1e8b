using PhoneBooking.Softphone.Platform;

namespace PhoneBooking.Softphone.Twiml;

/// <summary>A parsed, schema-checked TwiML document and the warnings Twilio would log about it.</summary>
public sealed record TwimlDocument(IReadOnlyList<TwimlVerb> Verbs, IReadOnlyList<TwilioNotification> Warnings);
