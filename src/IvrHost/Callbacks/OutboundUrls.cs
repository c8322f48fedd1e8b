using System.Globalization;
using Microsoft.Extensions.Options;
using PhoneBooking.Twilio;

namespace PhoneBooking.IvrHost.Callbacks;

/// <summary>
/// The URLs Twilio is given for a callback call: the callback id and attempt number only (no personal
/// data), absolute on the line's public origin for the REST API, relative inside TwiML.
/// </summary>
public sealed class OutboundUrls(IOptionsMonitor<CallbackOptions> options, IOptionsMonitor<TwilioOptions> twilio)
{
    public const string AnswerPath = "/voice/outbound";
    public const string ContinuePath = "/voice/outbound/continue";
    public const string MachinePath = "/voice/outbound/machine";
    public const string StatusPath = "/voice/outbound/status";
    public const string AmdPath = "/voice/outbound/amd";

    public Uri Answer(string callbackId, int attempt) => Absolute(AnswerPath, callbackId, attempt);

    public Uri Status(string callbackId, int attempt) => Absolute(StatusPath, callbackId, attempt);

    public Uri Amd(string callbackId, int attempt) => Absolute(AmdPath, callbackId, attempt);

    public Uri Machine(string callbackId, int attempt) => Absolute(MachinePath, callbackId, attempt);

    public Uri Fallback => Absolute("/voice/fallback");

    public static Uri Continue(string callbackId, int attempt, int wait) =>
        new($"{ContinuePath}?{Query(callbackId, attempt)}&wait={wait.ToString(CultureInfo.InvariantCulture)}", UriKind.Relative);

    private Uri Base => CallbackOptionsValidator.PublicBaseUrl(options.CurrentValue, twilio.CurrentValue)
        ?? throw new InvalidOperationException("Callbacks:PublicBaseUrl (or Twilio:BaseUrlOverride) is needed to place callbacks.");

    private Uri Absolute(string path, string callbackId, int attempt) => Absolute($"{path}?{Query(callbackId, attempt)}");

    // Base may carry a prefix a proxy strips (https://example.org/line): kept in front of our path.
    private Uri Absolute(string pathAndQuery) => new(Base, Base.AbsolutePath.TrimEnd('/') + pathAndQuery);

    private static string Query(string callbackId, int attempt) =>
        $"callback={Uri.EscapeDataString(callbackId)}&attempt={attempt.ToString(CultureInfo.InvariantCulture)}";
}
