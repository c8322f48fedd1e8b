using System.Globalization;
using Microsoft.Extensions.Options;

namespace PhoneBooking.ServiceDefaults;

internal sealed class MetricsEndpointOptionsValidator : IValidateOptions<MetricsEndpointOptions>
{
    // The services' own routes: a scrape endpoint there would hide them (or be hidden).
    private static readonly string[] Taken = ["/health", "/voice", "/v1", "/console", "/openapi", "/prompts"];

    public ValidateOptionsResult Validate(string? name, MetricsEndpointOptions options)
    {
        var failures = new List<string>();
        if (!(options.Path is ['/', _, ..] && Uri.IsWellFormedUriString(options.Path, UriKind.Relative) && !options.Path.Contains('?', StringComparison.Ordinal)))
        {
            failures.Add($"Metrics:Path '{options.Path}' must be a path such as /metrics.");
        }
        else if (Taken.FirstOrDefault(taken => options.Path.Equals(taken, StringComparison.OrdinalIgnoreCase) || options.Path.StartsWith(taken + "/", StringComparison.OrdinalIgnoreCase)) is { } taken)
        {
            failures.Add($"Metrics:Path '{options.Path}' is under {taken}, which the service serves itself.");
        }

        for (var i = 0; i < options.AllowedNetworks.Count; i++)
        {
            if (!MetricsAccess.TryParseNetwork(options.AllowedNetworks[i], out _))
            {
                failures.Add($"Metrics:AllowedNetworks:{i} '{options.AllowedNetworks[i]}' must be an IP address or a CIDR network such as 10.0.0.0/8.");
            }
        }

        for (var i = 0; i < options.ScrapeTokenSha256.Count; i++)
        {
            // A hash is not a secret: quoting it helps find the typo.
            if (!MetricsAccess.IsSha256Hex(options.ScrapeTokenSha256[i]))
            {
                failures.Add($"Metrics:ScrapeTokenSha256:{i} '{options.ScrapeTokenSha256[i]}' must be 64 hexadecimal characters (printf %s \"$TOKEN\" | sha256sum).");
            }
        }

        if (options.ResponseCache < TimeSpan.Zero || options.ResponseCache > TimeSpan.FromSeconds(10))
        {
            failures.Add($"Metrics:ResponseCache '{options.ResponseCache.ToString("c", CultureInfo.InvariantCulture)}' must be between 00:00:00 and 00:00:10.");
        }

        if (options.HealthCheckInterval < TimeSpan.FromSeconds(1) || options.HealthCheckInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add($"Metrics:HealthCheckInterval '{options.HealthCheckInterval.ToString("c", CultureInfo.InvariantCulture)}' must be between 00:00:01 and 00:05:00.");
        }

        if (options.QueueSampleInterval < TimeSpan.FromSeconds(1) || options.QueueSampleInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add($"Metrics:QueueSampleInterval '{options.QueueSampleInterval.ToString("c", CultureInfo.InvariantCulture)}' must be between 00:00:01 and 00:05:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
