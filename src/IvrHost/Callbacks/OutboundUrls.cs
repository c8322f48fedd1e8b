using System.Globalization;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.Voice;
using PhoneBooking.Twilio;

namespace PhoneBooking.IvrHost.Callbacks;

/// <summary>
/// The URLs Twilio is given for a callback call: the callback id and attempt number only (no personal
/// data), absolute on the line's public origin for the REST API, relative inside TwiML.
/// </summary>
public sealed class OutboundUrls(IOptionsMonitor<CallbackOptions> options, IOptionsMonitor<TwilioOptions> twilio)
{
    public Uri Answer(string callbackId, int attempt) => Absolute(VoiceRoutes.Outbound.Path, callbackId, attempt);

    public Uri Status(string callbackId, int attempt) => Absolute(VoiceRoutes.OutboundStatus.Path, callbackId, attempt);

    public Uri Amd(string callbackId, int attempt) => Absolute(VoiceRoutes.OutboundAmd.Path, callbackId, attempt);

    public Uri Machine(string callbackId, int attempt) => Absolute(VoiceRoutes.OutboundMachine.Path, callbackId, attempt);

    public Uri Fallback => Absolute(VoiceRoutes.Fallback.Path);

    public static Uri Continue(string callbackId, int attempt, int wait) =>
        new($"{VoiceRoutes.OutboundContinue.Path}?{Query(callbackId, attempt)}&wait={wait.ToString(CultureInfo.InvariantCulture)}", UriKind.Relative);

    private Uri Base => CallbackOptionsValidator.PublicBaseUrl(options.CurrentValue, twilio.CurrentValue)
        ?? throw new InvalidOperationException("Callbacks:PublicBaseUrl (or Twilio:BaseUrlOverride) is needed to place callbacks.");

    private Uri Absolute(string path, string callbackId, int attempt) => Absolute($"{path}?{Query(callbackId, attempt)}");

    // Base may carry a prefix a proxy strips (https://example.org/line): kept in front of our path.
    private Uri Absolute(string pathAndQuery) => new(Base, Base.AbsolutePath.TrimEnd('/') + pathAndQuery);

    private static string Query(string callbackId, int attempt) =>
        $"callback={Uri.EscapeDataString(callbackId)}&attempt={attempt.ToString(CultureInfo.InvariantCulture)}";
}
