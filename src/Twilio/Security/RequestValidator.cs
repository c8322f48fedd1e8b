using System.Security.Cryptography;
using System.Text;

namespace PhoneBooking.Twilio.Security;

/// <summary>
/// Computes and checks <c>X-Twilio-Signature</c>, as Twilio's own <c>RequestValidator</c> does:
/// base64(HMAC-SHA1(auth token, url + params sorted by name (ordinal) as name+value)).
/// </summary>
public sealed class RequestValidator(string authToken)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(authToken);

    public string ComputeSignature(string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        // SHA-1 is what Twilio signs with: the choice is theirs, not ours.
#pragma warning disable CA5350
        return Convert.ToBase64String(HMACSHA1.HashData(_key, Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }
}
