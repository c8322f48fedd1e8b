using System.Globalization;
using Microsoft.Extensions.Options;

namespace PhoneBooking.SchedulingApi.Security;

/// <summary>
/// At start: at least one client (otherwise every request would be refused), well-formed hashes and
/// scopes, and no development key outside Development. Messages name the setting, never a key.
/// </summary>
internal sealed class ApiClientsOptionsValidator(IHostEnvironment environment) : IValidateOptions<ApiClientsOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiClientsOptions options)
    {
        var errors = new List<string>();
        if (options.Clients.Count == 0)
        {
            errors.Add(
                "ApiClients: no client is configured, so every request would be refused. Add ApiClients:<name>:Role and "
                + "ApiClients:<name>:KeySha256:0 (`dotnet run --project src/SchedulingApi -- new-api-key` prints a key and its hash; docs/security.md).");
        }

        foreach (var (client, settings) in options.Clients)
        {
            var prefix = $"{ApiClientsOptions.SectionName}:{client}";
            if (!ApiClientSettings.IsName(client))
            {
                errors.Add($"{prefix}: the client name '{client}' must be 1-40 lower-case letters, digits or '-'.");
            }

            if (settings.Role is null)
            {
                errors.Add($"{prefix}:Role is required: one of {string.Join(", ", Enum.GetNames<ApiClientRole>())}.");
            }

            if (settings.KeySha256.Count is 0 or > ApiClientSettings.MaxKeys)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}:KeySha256 must list 1 or {ApiClientSettings.MaxKeys} key hashes (two while a key is rotated), not {settings.KeySha256.Count}."));
            }

            for (var i = 0; i < settings.KeySha256.Count; i++)
            {
                var hash = settings.KeySha256[i];
                if (!ApiClientSettings.IsSha256Hex(hash))
                {
                    errors.Add($"{prefix}:KeySha256:{i} must be 64 lower-case hex digits (the SHA-256 of the key, never the key itself), not '{hash}'.");
                }
                else if (!environment.IsDevelopment() && DevelopmentKeys.IsDevelopmentHash(hash))
                {
                    errors.Add($"{prefix}:KeySha256:{i} is a development key, published in appsettings.Development.json: generate a new key for {environment.EnvironmentName}.");
                }
            }

            foreach (var scope in settings.Scopes ?? [])
            {
                if (!Scopes.All.Contains(scope))
                {
                    errors.Add($"{prefix}:Scopes has '{scope}', which is not a scope: {string.Join(", ", Scopes.All)}.");
                }
            }

            NotNegative(errors, prefix, "RequestsPerSecond", settings.RequestsPerSecond);
            NotNegative(errors, prefix, "BookingsPerMinute", settings.BookingsPerMinute);
            NotNegative(errors, prefix, "BookingsPerHour", settings.BookingsPerHour);
            NotNegative(errors, prefix, "GuessFailuresPerWindow", settings.GuessFailuresPerWindow);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void NotNegative(List<string> errors, string prefix, string key, int? value)
    {
        if (value is < 0 or > 1_000_000)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}:{key} must be 0 (no limit) to 1000000, not {value}."));
        }
    }
}
