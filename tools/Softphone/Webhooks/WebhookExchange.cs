using PhoneBooking.Softphone.Platform;

namespace PhoneBooking.Softphone.Webhooks;

/// <summary>One request to the line and what came back (or why nothing usable did), with its latency.</summary>
public sealed record WebhookExchange(
    string Purpose,
    string Method,
    Uri Url,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    string Signature,
    int? StatusCode,
    string? ContentType,
    string Body,
    TimeSpan Latency,
    TwilioNotification? Failure)
{
    public bool IsSuccess => Failure is null && StatusCode is >= 200 and < 300;

    public string? Parameter(string name) => Parameters.FirstOrDefault(p => p.Key == name).Value;
}
