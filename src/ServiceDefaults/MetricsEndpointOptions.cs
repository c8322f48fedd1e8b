using Microsoft.Extensions.Configuration;

namespace PhoneBooking.ServiceDefaults;

/// <summary>
/// Section <c>Metrics</c>: the Prometheus scrape endpoint, an operator endpoint. It is served to a
/// direct (not proxied) request from loopback or from <see cref="AllowedNetworks"/>, or to a request
/// carrying a bearer token whose SHA-256 is in <see cref="ScrapeTokenSha256"/>; anything else gets 403.
/// </summary>
public sealed class MetricsEndpointOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Serve the scrape endpoint at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where Prometheus scrapes.</summary>
    public string Path { get; set; } = "/metrics";

    /// <summary>Addresses or CIDR networks (besides loopback) whose direct requests may scrape: the Prometheus server's, or the pod network.</summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>
    /// Hex SHA-256 of bearer tokens that may scrape from anywhere (Prometheus <c>authorization.credentials_file</c>).
    /// Hashes only, as for the API's keys: a leaked configuration gives no token. Two make rotation easy.
    /// </summary>
    public List<string> ScrapeTokenSha256 { get; set; } = [];

    /// <summary>How long one collection is reused by scrapes that arrive together (the exporter's cache).</summary>
    public TimeSpan ResponseCache { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How often the readiness checks run for <c>phonebooking.health.check.state</c>.</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often queue depths are read from the stores for their gauges (<see cref="ISampledGauges"/>).</summary>
    public TimeSpan QueueSampleInterval { get; set; } = TimeSpan.FromSeconds(10);

    public static MetricsEndpointOptions From(IConfiguration configuration)
    {
        var options = new MetricsEndpointOptions();
        configuration.GetSection(SectionName).Bind(options);
        return options;
    }
}
