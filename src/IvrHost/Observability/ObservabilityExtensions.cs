using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Logs;
using PhoneBooking.IvrHost.Hosting;

namespace PhoneBooking.IvrHost.Observability;

public static class ObservabilityExtensions
{
    /// <summary>
    /// JSON console logs (UTC timestamps, scopes), <see cref="IvrMetrics"/>, and — when an OTLP
    /// endpoint is configured — metrics, traces and logs exported over OTLP.
    /// </summary>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Logging.AddJsonConsole(console =>
        {
            console.IncludeScopes = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });

        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<IvrMetrics>();
        builder.Services.AddValidatedOptions<OtlpOptions, OtlpOptionsValidator>(builder.Configuration, OtlpOptions.SectionName)
            .PostConfigure(options => options.ApplyStandardVariables(builder.Configuration));

        // Decided while building: an invalid endpoint registers nothing and fails validation at start.
        var otlp = OtlpOptions.From(builder.Configuration);
        if (new OtlpOptionsValidator().Validate(null, otlp).Failed || otlp.Endpoint is null)
        {
            return builder;
        }

        var export = new OtlpExport(otlp);
        builder.Services.AddSingleton(_ => export.BuildMeterProvider());
        builder.Services.AddSingleton(_ => export.BuildTracerProvider());
        builder.Services.AddHostedService<TelemetryProviders>();

        builder.Logging.AddOpenTelemetry(logs =>
        {
            logs.IncludeScopes = true;
            logs.IncludeFormattedMessage = true;
        });
        builder.Services.ConfigureOpenTelemetryLoggerProvider(logs => logs
            .ConfigureResource(export.Describe)
            .AddOtlpExporter(exporter => export.Configure(exporter, "logs")));
        return builder;
    }
}
