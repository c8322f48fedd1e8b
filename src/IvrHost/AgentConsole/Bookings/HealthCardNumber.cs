using System.Text.RegularExpressions;

namespace PhoneBooking.IvrHost.AgentConsole.Bookings;

/// <summary>
/// Health card numbers as agents type them (Ontario style: 10 digits, optional 2-letter version
/// code, any spaces or dashes). Shown only masked: the last three digits and the version code.
/// </summary>
public static partial class HealthCardNumber
{
    /// <summary>Canonical <c>1234-567-890-AB</c>, or null when it is not a health card number.</summary>
    public static string? Normalize(string? typed)
    {
        var match = Shape().Match(typed ?? "");
        if (!match.Success)
        {
            return null;
        }

        var digits = match.Groups["digits"].Value.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var version = match.Groups["version"].Value.ToUpperInvariant();
        var number = $"{digits[..4]}-{digits[4..7]}-{digits[7..]}";
        return version.Length > 0 ? $"{number}-{version}" : number;
    }

    /// <summary><c>••••-•••-890-AB</c>: enough for the caller to recognise, useless to anyone else.</summary>
    public static string Mask(string normalized)
    {
        var digits = new string([.. normalized.Where(char.IsAsciiDigit)]);
        var version = new string([.. normalized.Where(char.IsAsciiLetter)]);
        var tail = digits.Length >= 3 ? digits[^3..] : "";
        return version.Length > 0 ? $"••••-•••-{tail}-{version}" : $"••••-•••-{tail}";
    }

    [GeneratedRegex(@"^\s*(?<digits>\d(?:[ -]?\d){9})(?:[ -]?(?<version>[A-Za-z]{2}))?\s*$")]
    private static partial Regex Shape();
}
