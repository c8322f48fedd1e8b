using System.Text.RegularExpressions;

namespace PhoneBooking.Twilio.Security;

/// <summary>
/// An absolute URL split without normalising anything (System.Uri would lower-case the host and
/// re-escape the path), so every candidate keeps the exact characters Twilio signed.
/// </summary>
internal sealed partial record UrlParts(string Scheme, string UserInfo, string Host, string Port, string Rest)
{
    public static bool TryParse(string url, out UrlParts parts)
    {
        var match = Authority().Match(url);
        if (!match.Success)
        {
            parts = null!;
            return false;
        }

        var authority = match.Groups["authority"].Value;
        var userInfoEnd = authority.LastIndexOf('@');
        var hostAndPort = authority[(userInfoEnd + 1)..];

        // A colon starts the port only after the closing bracket of an IPv6 literal.
        var portStart = hostAndPort.IndexOf(':', hostAndPort.LastIndexOf(']') + 1);
        parts = new UrlParts(
            match.Groups["scheme"].Value,
            authority[..(userInfoEnd + 1)],
            portStart < 0 ? hostAndPort : hostAndPort[..portStart],
            portStart < 0 ? string.Empty : hostAndPort[portStart..],
            url[match.Length..]);
        return true;
    }

    public string WithoutPort() => Scheme + UserInfo + Host + Rest;

    /// <summary>The URL with its own port, or the scheme's default port when it has none.</summary>
    public string WithPort()
    {
        var port = Port.Length > 0
            ? Port
            : Scheme.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? ":443" : ":80";
        return Scheme + UserInfo + Host + port + Rest;
    }

    [GeneratedRegex("^(?<scheme>[a-z][a-z0-9+.-]*://)(?<authority>[^/?#]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Authority();
}
