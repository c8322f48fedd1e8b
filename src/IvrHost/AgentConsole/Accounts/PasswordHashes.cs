using Microsoft.AspNetCore.Identity;

namespace PhoneBooking.IvrHost.AgentConsole.Accounts;

/// <summary>
/// Passwords are kept as ASP.NET Core Identity's PasswordHasher v3 hashes (PBKDF2-HMAC-SHA512,
/// 100,000 iterations, random salt) — the hasher from the shared framework, not our own crypto.
/// </summary>
public static class PasswordHashes
{
    private static readonly PasswordHasher<AgentAccount> Hasher = new();

    public static string Hash(string password) => Hasher.HashPassword(new AgentAccount(), password);

    public static bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(new AgentAccount(), hash, password) != PasswordVerificationResult.Failed;

    /// <summary>True for a well-formed v3 hash (format marker 0x01, header and a salt and subkey).</summary>
    public static bool IsV3(string? hash)
    {
        if (string.IsNullOrWhiteSpace(hash))
        {
            return false;
        }

        var bytes = new byte[hash.Length];
        return Convert.TryFromBase64String(hash, bytes, out var length) && length >= 13 + 16 && bytes[0] == 0x01;
    }
}
