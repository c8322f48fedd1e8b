using global::Twilio.Security;

namespace PhoneBooking.Twilio.Security;

/// <summary>
/// Is <c>X-Twilio-Signature</c> Twilio's? The SDK's <see cref="RequestValidator"/> computes and
/// compares; we hand it every URL form Twilio may have signed (<see cref="SignedUrlCandidates"/>:
/// the SDK alone does not add <c>:443</c> nor re-encode the query as twilio-node does) and fold
/// repeated form fields the way Twilio signs them. docs/twilio.md, "Request validation".
/// </summary>
public sealed class TwilioSignature(string authToken)
{
    private readonly RequestValidator _validator = new(authToken);

    /// <summary>A form (or query-only) request.</summary>
    public bool IsValid(string url, IEnumerable<KeyValuePair<string, string>> form, string? signature)
    {
        // The SDK throws on an empty signature: a request without one is simply not Twilio's.
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(url))
        {
            return false;
        }

        var fields = Fold(form);
        var valid = false;
        foreach (var candidate in SignedUrlCandidates.For(url))
        {
            // No early exit: every candidate is checked, so timing says nothing about which one matched.
            valid |= Validate(candidate, fields, signature);
        }

        return valid;
    }

    /// <summary>A JSON request: Twilio signs the URL (carrying <c>bodySHA256</c>) alone, and the body must hash to it.</summary>
    public bool IsValidJson(string url, string body, string? signature)
    {
        var signatureValid = IsValid(url, [], signature);
        var bodyValid = BodyHashOf(url) is { } hash && BodyMatches(body, hash);
        return signatureValid && bodyValid;
    }

    /// <summary>True when <paramref name="bodySha256"/> is the lower-case hex SHA-256 of the UTF-8 body.</summary>
    public static bool BodyMatches(string body, string bodySha256) => RequestValidator.ValidateBody(body, bodySha256);

    /// <summary>The <c>bodySHA256</c> query value of <paramref name="url"/>, or null when it has none.</summary>
    public static string? BodyHashOf(string url)
    {
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return null;
        }

        foreach (var pair in url[(queryStart + 1)..].Split('&'))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0 && pair.AsSpan(0, separator).SequenceEqual("bodySHA256"))
            {
                return Uri.UnescapeDataString(pair[(separator + 1)..]);
            }
        }

        return null;
    }

    private bool Validate(string url, Dictionary<string, string> fields, string signature)
    {
        try
        {
            return _validator.Validate(url, fields, signature);
        }
        catch (UriFormatException)
        {
            // The SDK parses the URL to toggle its port; a form it cannot parse is not the one Twilio signed.
            return false;
        }
    }

    /// <summary>
    /// The SDK takes one value per name and signs <c>name + value</c> for each name in ordinal order.
    /// Twilio signs a repeated name once per distinct value, values in ordinal order
    /// (<c>name v1 name v2</c>): folding the values into <c>v1 + name + v2</c> makes the SDK sign
    /// exactly that string.
    /// </summary>
    private static Dictionary<string, string> Fold(IEnumerable<KeyValuePair<string, string>> form) =>
        form.GroupBy(field => field.Key, StringComparer.Ordinal).ToDictionary(
            group => group.Key,
            group => string.Join(group.Key, group.Select(field => field.Value ?? string.Empty).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            StringComparer.Ordinal);
}
