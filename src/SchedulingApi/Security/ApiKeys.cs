using System.Security.Cryptography;
using System.Text;

namespace PhoneBooking.SchedulingApi.Security;

/// <summary>
/// API keys: 256 random bits, so a plain SHA-256 is enough to store them (nothing to brute-force,
/// unlike a password) and cheap enough to check on every request.
/// </summary>
public static class ApiKeys
{
    public const string HeaderName = "X-Api-Key";

    public static string New() => "pbk_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Sha256(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static string Sha256Hex(string key) => Convert.ToHexStringLower(Sha256(key));

    /// <summary>A 32-byte secret as base64, for <c>Security:HmacKey</c>.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
