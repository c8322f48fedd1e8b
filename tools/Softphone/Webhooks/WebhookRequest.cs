namespace PhoneBooking.Softphone.Webhooks;

/// <summary>A request Twilio makes to the line: TwiML fetch (voice URL, action, redirect, waitUrl) or a callback.</summary>
public sealed record WebhookRequest(string Purpose, Uri Url, HttpMethod Method, IReadOnlyList<KeyValuePair<string, string>> Parameters);
