using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace PhoneBooking.ServiceDefaults;

/// <summary>
/// Who may read the scrape endpoint. Metrics carry no personal data (tags are fixed words), but they
/// say how busy the line is and how its backend fares: an operator's view, not the public's.
/// A request that came through a proxy (any <c>Forwarded</c> or <c>X-Forwarded-*</c> header) is never
/// taken for a local one: behind a balancer on the same host every public request arrives from
/// loopback, and only the header tells it apart. A valid token is enough from anywhere.
/// </summary>
public sealed class MetricsAccess
{
    // X-Original-*: what ASP.NET Core's forwarded-headers middleware leaves once it has applied X-Forwarded-*.
    private static readonly string[] ProxyHeaders =
        ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "X-Original-For", "X-Original-Host", "X-Original-Proto"];

    private readonly IPNetwork[] _networks;
    private readonly byte[][] _tokenHashes;

    public MetricsAccess(MetricsEndpointOptions options)
    {
        _networks = [.. options.AllowedNetworks.Select(entry => TryParseNetwork(entry, out var network) ? network : throw new ArgumentException($"Not a network: '{entry}'.", nameof(options)))];
        _tokenHashes = [.. options.ScrapeTokenSha256.Select(Convert.FromHexString)];
    }

    public bool Allows(HttpContext context) => HasValidToken(context.Request) || (IsDirect(context.Request) && IsAllowedPeer(context.Connection.RemoteIpAddress));

    internal static bool TryParseNetwork(string? value, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        if (IPAddress.TryParse(value, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return IPNetwork.TryParse(value, out network);
    }

    internal static bool IsSha256Hex(string? value) => value is { Length: 64 } && value.All(Uri.IsHexDigit);

    private static bool IsDirect(HttpRequest request) => !ProxyHeaders.Any(request.Headers.ContainsKey);

    private bool IsAllowedPeer(IPAddress? peer)
    {
        if (peer is null)
        {
            return false;
        }

        if (peer.IsIPv4MappedToIPv6)
        {
            peer = peer.MapToIPv4();
        }

        return IPAddress.IsLoopback(peer) || _networks.Any(network => network.Contains(peer));
    }

    private bool HasValidToken(HttpRequest request)
    {
        if (_tokenHashes.Length == 0
            || request.Headers[HeaderNames.Authorization].ToString() is not { Length: > 7 } header
            || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[7..].Trim()));

        // Every hash is compared, whatever matched: timing says nothing about which token exists.
        var match = false;
        foreach (var hash in _tokenHashes)
        {
            match |= CryptographicOperations.FixedTimeEquals(presented, hash);
        }

        return match;
    }
}
