namespace PhoneBooking.Twilio.Security;

/// <summary>
/// The URL forms Twilio may have signed for one request URL, in the order Twilio's SDKs try them:
/// as received with the port removed and with the default port added (Twilio's back end is not
/// consistent about ports), then the same after re-encoding the path and query the way a WHATWG
/// URL parser and Node's legacy querystring module do (Twilio has signed both <c>'</c> and <c>%27</c>).
/// Scheme and host keep the case they were written in: a URL whose host differs only in case
/// from the signed one is refused, as the C# SDK does (docs/twilio.md, "Host case").
/// </summary>
internal static class SignedUrlCandidates
{
    public static IEnumerable<string> For(string url)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!UrlParts.TryParse(url, out var parts))
        {
            // Not absolute: nothing to toggle; the exact string is the only honest candidate.
            yield return url;
            yield break;
        }

        var normalized = parts with { Rest = UrlEncoding.WhatwgPathAndQuery(parts.Rest) };
        string[] candidates =
        [
            parts.WithoutPort(),
            parts.WithPort(),
            normalized.WithoutPort(),
            normalized.WithPort(),
            UrlEncoding.WithLegacyQuerystring(normalized.WithoutPort()),
            UrlEncoding.WithLegacyQuerystring(normalized.WithPort()),
        ];
        foreach (var candidate in candidates)
        {
            if (seen.Add(candidate))
            {
                yield return candidate;
            }
        }
    }
}
