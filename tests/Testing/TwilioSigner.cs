using System.Security.Cryptography;
using System.Text;

namespace PhoneBooking.Testing;

/// <summary>
/// Signs a request as Twilio does (<c>X-Twilio-Signature</c>), for tests that play Twilio's part.
/// Written from Twilio's documented algorithm, apart from the code under test: the line validates
/// with the SDK's RequestValidator, and the softphone signs with its own WebhookSigner.
/// </summary>
public static class TwilioSigner
{
    /// <summary>base64(HMAC-SHA1(token, url + fields by name (ordinal); a repeated name once per distinct value, values sorted)).</summary>
    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var data = new StringBuilder(url);
        foreach (var group in fields.GroupBy(f => f.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var value in group.Select(f => f.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                data.Append(group.Key).Append(value);
            }
        }

#pragma warning disable CA5350 // Twilio signs with SHA-1.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 body: the <c>bodySHA256</c> of a JSON webhook.</summary>
    public static string BodySha256(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}
