using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace PhoneBooking.SchedulingApi.Security;

/// <summary>A configured client: its name, what it may do and how fast. An endpoint parameter of this type is the caller.</summary>
public sealed record ApiClient(string Name, ApiClientRole Role, IReadOnlySet<string> Scopes, ClientLimits Limits)
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "Minimal APIs find BindAsync as a static on the parameter type.")]
    public static ValueTask<ApiClient?> BindAsync(HttpContext context) =>
        ValueTask.FromResult(context.RequestServices.GetRequiredService<ApiClientDirectory>().Of(context.User));
}

/// <summary>
/// Finds the client a key belongs to. Every stored hash is compared, in constant time, whatever
/// matched before: how long a check takes says nothing about which keys exist.
/// </summary>
public sealed class ApiClientDirectory
{
    private readonly List<(ApiClient Client, byte[] Hash)> _keys = [];
    private readonly Dictionary<string, ApiClient> _byName = new(StringComparer.Ordinal);

    internal ApiClientDirectory(IOptions<ApiClientsOptions> options)
    {
        foreach (var (name, settings) in options.Value.Clients)
        {
            var role = settings.Role ?? ApiClientRole.Web;
            var defaults = ApiClientRoles.DefaultLimits(role);
            var client = new ApiClient(
                name.ToLowerInvariant(),
                role,
                new HashSet<string>(settings.Scopes ?? ApiClientRoles.DefaultScopes(role), StringComparer.Ordinal),
                new ClientLimits(
                    settings.RequestsPerSecond ?? defaults.RequestsPerSecond,
                    settings.BookingsPerMinute ?? defaults.BookingsPerMinute,
                    settings.GuessFailuresPerWindow ?? defaults.GuessFailuresPerWindow,
                    settings.BookingsPerHour ?? defaults.BookingsPerHour));
            _byName[client.Name] = client;
            _keys.AddRange(settings.KeySha256.Select(hash => (client, Convert.FromHexString(hash))));
        }
    }

    public ApiClient? Authenticate(string presentedKey)
    {
        var presented = ApiKeys.Sha256(presentedKey);
        ApiClient? found = null;
        foreach (var (client, hash) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, hash))
            {
                found = client;
            }
        }

        return found;
    }

    public ApiClient? Find(string? name) => name is not null && _byName.TryGetValue(name, out var client) ? client : null;

    /// <summary>The client a request authenticated as; null for an anonymous request.</summary>
    public ApiClient? Of(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? Find(user.Identity.Name) : null;
}
