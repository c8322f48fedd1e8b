using System.Security.Cryptography;
using System.Text;

namespace PhoneBooking.Softphone.Webhooks;

/// <summary>
/// Signs a webhook as Twilio does: base64(HMAC-SHA1(auth token, url + fields sorted by name
/// (ordinal), a repeated name once per distinct value, values sorted)). Twilio's SDK validates
/// but has no public signer, so the stand-in for Twilio keeps this one.
/// </summary>
public sealed class WebhookSigner(string authToken)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(authToken);

    public string Sign(string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
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
}
