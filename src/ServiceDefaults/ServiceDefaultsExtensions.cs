using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PhoneBooking.ServiceDefaults.Shutdown;
using Serilog.Extensions.Hosting;

namespace PhoneBooking.ServiceDefaults;

/// <summary>
/// eShop's ServiceDefaults shape: <c>builder.AddServiceDefaults()</c> and <c>app.MapDefaultEndpoints()</c>,
/// used by the line and by the scheduling API.
/// </summary>
/// <remarks>
/// Resilience defaults: unlike eShop, no standard resilience handler is put on every HttpClient.
/// Our two clients each carry their own (<c>AddResilienceHandler</c>), whose retries depend on the
/// request (only safe ones for the API; never a create that may have reached Twilio), and a
/// blanket retry under them could ring a senior twice. What is shared is Polly's telemetry
/// (meter <c>Polly</c>, exported with ours).
/// </remarks>
public static class ServiceDefaultsExtensions
{
    /// <summary>Checks reported by <c>/health/ready</c>.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Serilog, OpenTelemetry (OTLP when configured, the Prometheus scrape endpoint), health checks and a graceful shutdown (section <c>Shutdown</c>).</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddDefaultLogging();
        builder.AddDefaultTelemetry();
        builder.Services.AddHealthChecks().AddCheck<DrainingHealthCheck>(DrainingHealthCheck.Name, tags: [ReadyTag]);
        builder.Services.AddSingleton<IHealthCheckPublisher, HealthStateMetrics>();
        builder.Services.Configure<HealthCheckPublisherOptions>(publisher =>
        {
            publisher.Delay = TimeSpan.FromSeconds(1);
            // An out-of-range value fails validation at start with its own message; until then, stay in range.
            publisher.Period = TimeSpan.FromTicks(Math.Clamp(
                MetricsEndpointOptions.From(builder.Configuration).HealthCheckInterval.Ticks, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute * 5));
            publisher.Predicate = check => check.Tags.Contains(ReadyTag);
        });
        builder.AddGracefulShutdown();
        return builder;
    }

    /// <summary>
    /// On SIGTERM: readiness fails, the process serves <c>Shutdown:DrainDelay</c> more, waits for the requests in
    /// flight, then stops background work and the server, all within <c>Shutdown:Timeout</c> (<see cref="GracefulShutdown"/>).
    /// </summary>
    public static TBuilder AddGracefulShutdown<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        var services = builder.Services;
        var development = builder.Environment.IsDevelopment();
        services.AddOptions<ShutdownOptions>()
            .Bind(builder.Configuration.GetSection(ShutdownOptions.SectionName))
            .PostConfigure(options => options.DrainDelay ??= development ? TimeSpan.Zero : TimeSpan.FromSeconds(5))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ShutdownOptions>, ShutdownOptionsValidator>());
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.Timeout);
        services.TryAddSingleton<ShutdownState>();
        services.AddHostedService<GracefulShutdown>();
        return builder;
    }

    /// <summary>
    /// Checks every setting registered with ValidateOnStart now, before the host runs: a bad value stops the start
    /// quoting it while the host is still whole. (RunAsync disposes the host as its start throws, and a test host
    /// reading it meanwhile reports "disposed object" instead of the setting.)
    /// </summary>
    public static void ValidateSettings(this IHost app) => app.Services.GetService<IStartupValidator>()?.Validate();

    /// <summary>
    /// Request logging (when <see cref="AddServiceDefaults"/> set Serilog up; an embedded service logs
    /// through its host instead), then <c>GET /health/live</c> (the process answers; no checks run)
    /// and <c>GET /health/ready</c> (the checks tagged <see cref="ReadyTag"/>; 503 when one fails),
    /// both as JSON (<see cref="HealthJsonWriter"/>).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        if (app.Services.GetService<DiagnosticContext>() is not null)
        {
            app.UseDefaultRequestLogging();
        }

        if (app.Services.GetService<ShutdownState>() is { } shutdown)
        {
            app.UseInFlightCount(shutdown);
        }

        // Anonymous: a load balancer has no credentials.
        app.MapHealthChecks("/health/live", Health(_ => false)).AllowAnonymous();
        app.MapHealthChecks("/health/ready", Health(check => check.Tags.Contains(ReadyTag))).AllowAnonymous();
        app.MapScrapeEndpoint();
        return app;
    }

    /// <summary>
    /// <c>GET /metrics</c> (Prometheus text format) for operators only (<see cref="MetricsAccess"/>): 403 for
    /// anyone else. Anonymous to the service's own authentication: Prometheus has no API key or console
    /// account. Only where <see cref="AddServiceDefaults"/> registered the exporter (an embedded service's
    /// instruments are in its host's scrape).
    /// </summary>
    private static void MapScrapeEndpoint(this WebApplication app)
    {
        if (app.Services.GetService<MetricsAccess>() is not { } access)
        {
            return;
        }

        var path = app.Services.GetRequiredService<IOptions<MetricsEndpointOptions>>().Value.Path;
        app.MapPrometheusScrapingEndpoint(path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            if (!access.Allows(context))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("Metrics are for operators: scrape from loopback, an allowed network, or with a token.\n", context.RequestAborted);
                return;
            }

            await next(context);
        }), optionsName: null).AllowAnonymous();
    }

    private static HealthCheckOptions Health(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = HealthJsonWriter.WriteAsync,
        AllowCachingResponses = false,
    };
}
