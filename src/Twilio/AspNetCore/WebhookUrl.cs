using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PhoneBooking.Twilio.AspNetCore;

/// <summary>Rebuilds the URL Twilio requested, which is the URL it signed.</summary>
internal static class WebhookUrl
{
    /// <summary>
    /// <paramref name="baseUrlOverride"/> (the public origin, plus any prefix a proxy strips) when set,
    /// else the request's scheme and host as left by the forwarded-headers middleware; then the path
    /// and query exactly as they arrived.
    /// </summary>
    public static string Reconstruct(HttpRequest request, string? baseUrlOverride)
    {
        var pathAndQuery = PathAndQuery(request);
        return string.IsNullOrEmpty(baseUrlOverride)
            ? request.Scheme + "://" + request.Host.ToUriComponent() + pathAndQuery
            : baseUrlOverride.TrimEnd('/') + pathAndQuery;
    }

    // The raw request target keeps the escaping Twilio used (Path is decoded, and re-encoding could differ).
    // A PathBase that is not in it came from X-Forwarded-Prefix, so it is put in front.
    private static string PathAndQuery(HttpRequest request)
    {
        var pathBase = request.PathBase.ToUriComponent();
        var rawTarget = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(rawTarget) || rawTarget[0] != '/')
        {
            return pathBase + request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
        }

        var startsWithPathBase = rawTarget.StartsWith(pathBase, StringComparison.OrdinalIgnoreCase)
            && (rawTarget.Length == pathBase.Length || rawTarget[pathBase.Length] is '/' or '?');
        return pathBase.Length == 0 || startsWithPathBase ? rawTarget : pathBase + rawTarget;
    }
}
