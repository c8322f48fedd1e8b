using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.Callbacks.Dialer;

namespace PhoneBooking.IvrHost.Outbound;

/// <summary>
/// Which numbers the line may call or text — one rule for both: E.164, in an allowed country
/// (default Canada and the US, both +1; the Caribbean +1 countries are other countries), an area
/// code and exchange that can be a subscriber's, and never a premium (900, 976), N11, special or
/// personal-communications range, nor toll-free. A caller can type any ten digits as their
/// call-back number; this is what stops the line from calling or texting a number a fraudster is
/// paid for. Caps per number and per call: <see cref="OutboundOptions"/>. Rules: docs/callbacks.md.
/// </summary>
public sealed partial class OutboundPolicy(IOptionsMonitor<OutboundOptions> options)
{
    private static readonly HashSet<string> TollFree = ["800", "833", "844", "855", "866", "877", "888", "822", "880", "881", "882", "883", "884", "885", "886", "887", "889"];

    /// <summary>Personal-communications (5XX), Canadian non-geographic (600, 622), carrier (700), government (710), inbound international (456).</summary>
    private static readonly HashSet<string> NonGeographic =
    [
        "456", "500", "521", "522", "523", "524", "525", "526", "527", "528", "529", "532", "533", "535", "538", "542", "543", "544",
        "545", "546", "547", "549", "550", "552", "553", "554", "556", "558", "566", "569", "577", "578", "588", "589", "600", "622", "700", "710",
    ];

    /// <returns>Null when the number may be called or texted, else the refusal reason (a fixed word: safe for logs and metrics).</returns>
    public string? Refusal(string phone)
    {
        if (!E164().IsMatch(phone))
        {
            return RefusalReasons.NotE164;
        }

        if (!NanpNumber.TryParse(phone, out var parsed))
        {
            // Only the +1 plan is supported: its rules are the ones below. Anything else is another country.
            return phone.StartsWith("+1", StringComparison.Ordinal) ? RefusalReasons.NotE164 : RefusalReasons.CountryNotAllowed;
        }

        var (npa, nxx, line) = parsed.Value;
        return npa switch
        {
            _ when npa[0] is '0' or '1' || npa[1] == '9' || npa.StartsWith("37", StringComparison.Ordinal) || npa.StartsWith("96", StringComparison.Ordinal) => RefusalReasons.InvalidAreaCode,
            _ when npa[1..] == "11" || nxx[1..] == "11" || nxx is "950" or "958" or "959" => RefusalReasons.ServiceCode,
            _ when nxx[0] is '0' or '1' => RefusalReasons.InvalidExchange,
            "900" => RefusalReasons.PremiumRate,
            _ when nxx == "976" => RefusalReasons.PremiumRate,
            _ when TollFree.Contains(npa) => options.CurrentValue.AllowTollFree ? Country(npa) : RefusalReasons.TollFree,
            _ when NonGeographic.Contains(npa) || npa[1] == npa[2] => RefusalReasons.NonGeographic,
            // 555-01XX are fictional (unreachable, so harmless: the softphone's demo numbers); other 555 lines are directory and information services.
            _ when nxx == "555" && !line.StartsWith("01", StringComparison.Ordinal) => RefusalReasons.InformationService,
            _ => Country(npa),
        };
    }

    private string? Country(string npa) =>
        options.CurrentValue.EffectiveAllowedCountries.Contains(NanpAreaCodes.CountryOf(npa)) ? null : RefusalReasons.CountryNotAllowed;

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}

/// <summary>Why a number was not called or texted: fixed words, shown to supervisors and used as metric tags.</summary>
public static class RefusalReasons
{
    public const string NotE164 = "not-e164";
    public const string CountryNotAllowed = "country-not-allowed";
    public const string InvalidAreaCode = "invalid-area-code";
    public const string InvalidExchange = "invalid-exchange";
    public const string ServiceCode = "service-code";
    public const string PremiumRate = "premium-rate";
    public const string TollFree = "toll-free";
    public const string NonGeographic = "non-geographic";
    public const string InformationService = "information-service";
    public const string TwilioRejected = "twilio-rejected";

    /// <summary>The number had its share for the day (<see cref="OutboundOptions.TextsPerNumberPerDay"/>).</summary>
    public const string PerNumberCap = "per-number-cap";

    /// <summary>The call had its share (<see cref="OutboundOptions.TextsPerCall"/>, <see cref="OutboundOptions.CallbacksPerCall"/>).</summary>
    public const string PerCallCap = "per-call-cap";
}
