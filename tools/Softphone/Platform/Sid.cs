using System.Security.Cryptography;

namespace PhoneBooking.Softphone.Platform;

/// <summary>Twilio resource ids: a two-letter prefix (CA call, QU queue, SM message…) and 32 hex digits.</summary>
public static class Sid
{
    public static string New(string prefix) =>
        prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static bool IsValid(string? value, string prefix) =>
        value is { Length: 34 } && value.StartsWith(prefix, StringComparison.Ordinal) && value[2..].All(char.IsAsciiHexDigit);
}
