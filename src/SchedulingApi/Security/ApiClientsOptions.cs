using System.Text.RegularExpressions;

namespace PhoneBooking.SchedulingApi.Security;

/// <summary>
/// Section <c>ApiClients</c>: one entry per client, keyed by its name (which logs, metrics and
/// ownership use). Keys are stored only as SHA-256 hashes; two per client let a key be rotated
/// without downtime (add the new hash, move the client, remove the old one).
/// </summary>
public sealed class ApiClientsOptions
{
    public const string SectionName = "ApiClients";

    public Dictionary<string, ApiClientSettings> Clients { get; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed partial class ApiClientSettings
{
    public const int MaxKeys = 2;

    public ApiClientRole? Role { get; set; }

    /// <summary>Lower-case hex SHA-256 of each accepted key (<c>dotnet run --project src/SchedulingApi -- new-api-key</c> prints both).</summary>
    public List<string> KeySha256 { get; set; } = [];

    /// <summary>Replaces the role's scopes when set.</summary>
    public List<string>? Scopes { get; set; }

    /// <summary>Override the role's limits (0: no limit).</summary>
    public int? RequestsPerSecond { get; set; }

    public int? BookingsPerMinute { get; set; }

    public int? BookingsPerHour { get; set; }

    public int? GuessFailuresPerWindow { get; set; }

    internal static bool IsSha256Hex(string? value) => value is not null && Sha256Hex().IsMatch(value);

    internal static bool IsName(string name) => ClientName().IsMatch(name);

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex ClientName();
}
