using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace PhoneBooking.IvrHost.Observability;

/// <summary>
/// The OpenTelemetry SDK built by hand (OpenTelemetry.Extensions.Hosting is not available here):
/// one meter provider and one tracer provider, both exporting over OTLP.
/// </summary>
internal sealed class OtlpExport(OtlpOptions options)
{
    /// <summary>Ours, plus what ASP.NET Core, Kestrel and HttpClient already publish through System.Diagnostics.Metrics.</summary>
    public static readonly string[] Meters =
        ["PhoneBooking.*", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http"];

    /// <summary>Ours, plus the request spans of ASP.NET Core and HttpClient (so a webhook and its API calls form one trace).</summary>
    public static readonly string[] Sources = ["PhoneBooking.*", "Microsoft.AspNetCore", "System.Net.Http"];

    public MeterProvider BuildMeterProvider() =>
        Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(Describe)
            .AddMeter(Meters)
            .AddOtlpExporter((exporter, reader) =>
            {
                Configure(exporter, "metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.MetricExportInterval.TotalMilliseconds;
            })
            .Build();

    public TracerProvider BuildTracerProvider() =>
        Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(Describe)
            .AddSource(Sources)
            .SetSampler(new SkipExporterCallsSampler(new ParentBasedSampler(new AlwaysOnSampler())))
            .AddOtlpExporter(exporter => Configure(exporter, "traces"))
            .Build();

    public void Describe(ResourceBuilder resource) =>
        resource.AddService(options.ServiceName, serviceInstanceId: Environment.MachineName);

    /// <summary>For HTTP each signal has its own path under the base; gRPC takes the base as is.</summary>
    public void Configure(OtlpExporterOptions exporter, string signal)
    {
        var endpoint = new Uri(options.Endpoint!);
        exporter.Protocol = options.IsHttp ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        exporter.Endpoint = options.IsHttp ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/v1/" + signal) : endpoint;
        if (!string.IsNullOrWhiteSpace(options.Headers))
        {
            exporter.Headers = options.Headers;
        }
    }

    /// <summary>
    /// HttpClient's own spans would include the exporter's calls to the collector, each export
    /// producing a span for the next one. The SDK marks its exporting code as suppressed: drop those.
    /// </summary>
    private sealed class SkipExporterCallsSampler(Sampler inner) : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
            Sdk.SuppressInstrumentation ? new SamplingResult(SamplingDecision.Drop) : inner.ShouldSample(samplingParameters);
    }
}
