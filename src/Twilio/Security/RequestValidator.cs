using System.Security.Cryptography;
using System.Text;

namespace PhoneBooking.Twilio.Security;

/// <summary>
/// Computes and checks <c>X-Twilio-Signature</c>, as Twilio's own <c>RequestValidator</c> does:
/// base64(HMAC-SHA1(auth token, url + params sorted by name (ordinal) as name+value)).
/// Validation accepts the URL with its port toggled and a few re-encodings of its query
/// (<see cref="SignedUrlCandidates"/>); the host is compared exactly as written, like the C# SDK.
/// </summary>
public sealed class RequestValidator
{
    private readonly byte[] _key;

    public RequestValidator(string authToken)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        _key = Encoding.UTF8.GetBytes(authToken);
    }

    /// <summary>
    /// The signature Twilio sends for <paramref name="url"/> and form <paramref name="parameters"/>.
    /// A repeated name contributes each distinct value once, values sorted (as twilio-node and twilio-python).
    /// </summary>
    public string ComputeSignature(string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(url);
        var data = new StringBuilder(url);
        foreach (var group in parameters.GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var value in group.Select(p => p.Value ?? string.Empty).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                data.Append(group.Key).Append(value);
            }
        }

        // SHA-1 is what Twilio signs with: the choice is theirs, not ours.
#pragma warning disable CA5350
        return Convert.ToBase64String(HMACSHA1.HashData(_key, Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    /// <summary>A form (or query-only) request: true when any accepted form of the URL carries <paramref name="expected"/>.</summary>
    public bool Validate(string url, IEnumerable<KeyValuePair<string, string>> parameters, string? expected)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (string.IsNullOrEmpty(expected))
        {
            return false;
        }

        var materialized = parameters.ToList();
        var valid = false;
        foreach (var candidate in SignedUrlCandidates.For(url))
        {
            // No early exit: every candidate is computed, so timing says nothing about which one matched.
            valid |= SecureEquals(ComputeSignature(candidate, materialized), expected);
        }

        return valid;
    }

    /// <summary>
    /// A JSON request: Twilio signs the URL (which carries <c>bodySHA256</c>) with no parameters,
    /// and the body must hash to that <c>bodySHA256</c>.
    /// </summary>
    public bool Validate(string url, string body, string? expected)
    {
        ArgumentNullException.ThrowIfNull(body);
        var signatureValid = Validate(url, [], expected);
        var bodyValid = ValidateBody(body, BodyHashOf(url) ?? string.Empty);
        return signatureValid && bodyValid;
    }

    /// <summary>True when <paramref name="expected"/> is the lower-case hex SHA-256 of the UTF-8 body.</summary>
#pragma warning disable CA1822 // an instance method, as in Twilio's SDK, so callers swap without edits
    public bool ValidateBody(string rawBody, string expected) => SecureEquals(ComputeBodyHash(rawBody), expected);
#pragma warning restore CA1822

    /// <summary>Lower-case hex SHA-256 of the UTF-8 body: the <c>bodySHA256</c> query value.</summary>
    public static string ComputeBodyHash(string rawBody) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rawBody)));

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

    private static bool SecureEquals(string actual, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(actual), Encoding.UTF8.GetBytes(expected));
}
