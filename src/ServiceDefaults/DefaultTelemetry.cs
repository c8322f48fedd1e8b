using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace PhoneBooking.ServiceDefaults;

/// <summary>
/// OpenTelemetry for every service: metrics and traces always listen (so a webhook's W3C
/// <c>traceparent</c> reaches the API calls it makes, exporter or not), and go over OTLP with
/// logs when <c>Otlp:Endpoint</c> (or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) is set. The Prometheus
/// scrape endpoint (<see cref="MetricsEndpointOptions"/>, on unless <c>Metrics:Enabled</c> is false)
/// is one more reader on the same meter provider.
/// </summary>
public static class DefaultTelemetry
{
    /// <summary>Ours (the line, the client, Twilio, prompts, the API), Polly's resilience events, and what ASP.NET Core, HttpClient and the runtime publish.</summary>
    public static readonly string[] Meters = ["PhoneBooking.*", "Polly"];

    public static readonly string[] Sources = ["PhoneBooking.*"];

    public static TBuilder AddDefaultTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<OtlpOptions>().Bind(builder.Configuration.GetSection(OtlpOptions.SectionName))
            .PostConfigure(options => options.ApplyStandardVariables(builder.Configuration)).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OtlpOptions>, OtlpOptionsValidator>());

        // Decided while building: an invalid endpoint registers no exporter and fails validation at start.
        var otlp = OtlpOptions.From(builder.Configuration);
        var export = !new OtlpOptionsValidator().Validate(null, otlp).Failed && otlp.Endpoint is not null;
        var serviceName = otlp.ServiceName ?? builder.Environment.ApplicationName;

        builder.Services.AddOptions<MetricsEndpointOptions>().Bind(builder.Configuration.GetSection(MetricsEndpointOptions.SectionName)).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MetricsEndpointOptions>, MetricsEndpointOptionsValidator>());
        var scrape = MetricsEndpointOptions.From(builder.Configuration);
        var serveScrape = scrape.Enabled && !new MetricsEndpointOptionsValidator().Validate(null, scrape).Failed;
        if (serveScrape)
        {
            builder.Services.AddSingleton(new MetricsAccess(scrape));
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddMeter(Meters);
                if (serveScrape)
                {
                    metrics.AddPrometheusExporter(prometheus =>
                    {
                        prometheus.ScrapeEndpointPath = scrape.Path;
                        prometheus.ScrapeResponseCacheDurationMilliseconds = (int)scrape.ResponseCache.TotalMilliseconds;
                    });
                }

                if (export)
                {
                    metrics.AddOtlpExporter((exporter, reader) =>
                    {
                        Configure(exporter, otlp, "metrics");
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)otlp.MetricExportInterval.TotalMilliseconds;
                    });
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddSource(Sources);
                if (export)
                {
                    tracing.AddOtlpExporter(exporter => Configure(exporter, otlp, "traces"));
                }
            });

        if (export)
        {
            builder.Logging.AddOpenTelemetry(logs =>
            {
                logs.IncludeScopes = true;
                logs.IncludeFormattedMessage = true;
                logs.AddOtlpExporter(exporter => Configure(exporter, otlp, "logs"));
            });
        }

        return builder;
    }

    /// <summary>For HTTP each signal has its own path under the base; gRPC takes the base as is.</summary>
    private static void Configure(OtlpExporterOptions exporter, OtlpOptions options, string signal)
    {
        var endpoint = new Uri(options.Endpoint!);
        exporter.Protocol = options.IsHttp ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        exporter.Endpoint = options.IsHttp ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/v1/" + signal) : endpoint;
        if (!string.IsNullOrWhiteSpace(options.Headers))
        {
            exporter.Headers = options.Headers;
        }
    }
}
