using System.Globalization;
using System.Text;

namespace PhoneBooking.Twilio.Security;

/// <summary>The two re-encodings twilio-node tries for URLs whose query Twilio signed in another escaping.</summary>
internal static class UrlEncoding
{
    /// <summary>
    /// Percent-encodes what a WHATWG URL parser encodes in the path and query of a special
    /// (http/https) URL, including <c>'</c> in the query; existing %XX escapes stay as they are.
    /// </summary>
    public static string WhatwgPathAndQuery(string rest)
    {
        var fragmentStart = rest.IndexOf('#', StringComparison.Ordinal);
        var beforeFragment = fragmentStart < 0 ? rest : rest[..fragmentStart];
        var queryStart = beforeFragment.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? beforeFragment : beforeFragment[..queryStart];
        var query = queryStart < 0 ? null : beforeFragment[(queryStart + 1)..];

        var result = new StringBuilder();
        result.Append(path.Length == 0 ? "/" : Encode(path, static c => c is ' ' or '"' or '<' or '>' or '`' or '{' or '}'));
        if (query is not null)
        {
            result.Append('?').Append(Encode(query, static c => c is ' ' or '"' or '<' or '>' or '\''));
        }

        return result.ToString();
    }

    /// <summary>Parses the query and writes it back as Node's <c>querystring.stringify</c> would.</summary>
    public static string WithLegacyQuerystring(string url)
    {
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0 || queryStart == url.Length - 1)
        {
            return url;
        }

        // querystring.parse groups a repeated key at its first position; stringify writes the group together.
        var groups = new List<(string Key, List<string> Values)>();
        foreach (var piece in url[(queryStart + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = piece.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(separator < 0 ? piece : piece[..separator]);
            var value = separator < 0 ? string.Empty : Decode(piece[(separator + 1)..]);
            var group = groups.FindIndex(g => g.Key == key);
            if (group < 0)
            {
                groups.Add((key, [value]));
            }
            else
            {
                groups[group].Values.Add(value);
            }
        }

        var pairs = groups.SelectMany(g => g.Values.Select(v => EscapeLegacy(g.Key) + "=" + EscapeLegacy(v)));
        return url[..(queryStart + 1)] + string.Join('&', pairs);
    }

    private static string Decode(string component) => Uri.UnescapeDataString(component.Replace('+', ' '));

    /// <summary>querystring.escape: everything but A-Z a-z 0-9 - _ . ! ~ * ' ( ) is percent-encoded as UTF-8.</summary>
    private static string EscapeLegacy(string value) =>
        Encode(value, static c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '!' or '~' or '*' or '\'' or '(' or ')'));

    private static string Encode(string value, Func<char, bool> mustEncode)
    {
        var result = new StringBuilder(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is > ' ' and < (char)0x7F && !mustEncode(c))
            {
                result.Append(c);
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < value.Length
                ? Encoding.UTF8.GetBytes(value.AsSpan(i++, 2), utf8)
                : Encoding.UTF8.GetBytes(value.AsSpan(i, 1), utf8);
            foreach (var b in utf8[..length])
            {
                result.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return result.ToString();
    }
}
