using Microsoft.Extensions.Configuration;

namespace PhoneBooking.ServiceDefaults;

/// <summary>
/// Section <c>Otlp</c>: where metrics, traces and logs go. Nothing is exported unless an endpoint
/// is set here or in the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable.
/// </summary>
public sealed class OtlpOptions
{
    public const string SectionName = "Otlp";
    public const string Grpc = "grpc";
    public const string HttpProtobuf = "http/protobuf";

    /// <summary>Collector base address: <c>http://host:4317</c> for gRPC, <c>http://host:4318</c> (or Seq's <c>http://seq:5341/ingest/otlp</c>) for HTTP.</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>grpc</c> (the default) or <c>http/protobuf</c>.</summary>
    public string? Protocol { get; set; }

    /// <summary>Extra headers, <c>name=value</c> pairs separated by commas (e.g. <c>X-Seq-ApiKey=…</c>).</summary>
    public string? Headers { get; set; }

    /// <summary><c>service.name</c> of everything exported; unset: the application's name (<c>PhoneBooking.IvrHost</c>, <c>PhoneBooking.SchedulingApi</c>).</summary>
    public string? ServiceName { get; set; }

    /// <summary>How often metrics are pushed.</summary>
    public TimeSpan MetricExportInterval { get; set; } = TimeSpan.FromSeconds(15);

    public bool IsHttp => Protocol == HttpProtobuf;

    /// <summary>Binds the section, then falls back to the OpenTelemetry standard variables.</summary>
    public static OtlpOptions From(IConfiguration configuration)
    {
        var options = new OtlpOptions();
        configuration.GetSection(SectionName).Bind(options);
        options.ApplyStandardVariables(configuration);
        return options;
    }

    internal void ApplyStandardVariables(IConfiguration configuration)
    {
        Endpoint = NullIfEmpty(Endpoint) ?? NullIfEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Protocol = NullIfEmpty(Protocol) ?? NullIfEmpty(configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]) ?? Grpc;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
