using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.Sessions;

/// <summary>
/// Turns a caller's number into a stable, non-reversible key (HMAC-SHA256 with a secret), so a
/// returning caller is recognised without the number ever sitting in a lookup column.
/// </summary>
public sealed partial class CallerKeys
{
    internal const string SecretFileName = "caller-key.secret";

    // What Twilio puts in From when the caller ID is withheld: never one person, so never a key.
    private static readonly HashSet<string> WithheldNumbers =
        ["+266696687", "+7378742833", "+2562533", "+8656696", "+86282452253"];

    private readonly byte[] _key;

    public CallerKeys(IOptions<SessionsOptions> options, DataDirectory data)
        : this(options.Value.CallerKeySecret is { } secret ? Encoding.UTF8.GetBytes(secret) : SecretFile.LoadOrCreate(data.File(SecretFileName), 32))
    {
    }

    internal CallerKeys(byte[] key) => _key = key;

    /// <summary>The key of an E.164 number; null when there is no number to recognise (withheld, anonymous, malformed).</summary>
    public string? For(string? phoneNumber)
    {
        if (phoneNumber is null || !E164().IsMatch(phoneNumber) || WithheldNumbers.Contains(phoneNumber))
        {
            return null;
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(phoneNumber)));
    }

    /// <summary>A keyed hash of any value, for one purpose (the outbound policy's text subjects): same secret, separate domain.</summary>
    public string Keyed(string purpose, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(purpose + "\n" + value)));

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}
