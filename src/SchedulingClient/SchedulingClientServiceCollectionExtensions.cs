using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;
using PhoneBooking.SchedulingClient.Contracts;
using PhoneBooking.SchedulingClient.Diagnostics;
using PhoneBooking.SchedulingClient.Health;
using PhoneBooking.SchedulingClient.Resilience;

namespace PhoneBooking.SchedulingClient;

public static class SchedulingClientServiceCollectionExtensions
{
    /// <summary>The named HttpClient behind <see cref="ISchedulingClient"/> (resilience handler included).</summary>
    public const string HttpClientName = "PhoneBooking.SchedulingClient";

    /// <summary>
    /// Registers <see cref="ISchedulingClient"/>, <see cref="IBackendHealth"/> and the readiness
    /// probe, with <see cref="SchedulingOptions"/> bound from <c>Scheduling</c> and validated at start.
    /// Returns the HttpClient builder, so a host can add handlers of its own (they sit outside the
    /// resilience handler: once per call, not per attempt) or a primary handler.
    /// </summary>
    public static IHttpClientBuilder AddSchedulingClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulingOptions>()
            .Bind(configuration.GetSection(SchedulingOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsValidator>());

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SchedulingClientMetrics>();
        services.TryAddSingleton<BackendHealthMonitor>();
        services.TryAddSingleton<IBackendHealth>(sp => sp.GetRequiredService<BackendHealthMonitor>());
        services.TryAddTransient<ISchedulingClient, HttpSchedulingClient>();
        services.TryAddTransient<AttemptHandler>();
        if (!services.Any(d => d.ServiceType == typeof(BackendHealthProbe)))
        {
            services.AddSingleton<BackendHealthProbe>();
            services.AddHostedService(sp => sp.GetRequiredService<BackendHealthProbe>());
        }

        var refit = new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(SchedulingJson.Options), Buffered = true };
        var http = services.AddRefitGeneratedClient<ISchedulingApi>(refit, HttpClientName)
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = WithTrailingSlash(sp.GetRequiredService<IOptions<SchedulingOptions>>().Value.BaseUrl!);

                // The resilience handler owns time (total and attempt timeouts on the injected clock).
                client.Timeout = Timeout.InfiniteTimeSpan;
            });

        // Handlers, outer to inner: the resilience pipeline, then once per attempt: the attempt count
        // and the API key (docs/security.md). A host's own handlers (AddHttpMessageHandler on the
        // returned builder) go outside all of them.
        http.AddResilienceHandler(SchedulingResilience.PipelineName, SchedulingResilience.Configure);
        http.AddHttpMessageHandler<AttemptHandler>();
        http.AddHttpMessageHandler(sp => new ApiKeyHandler(sp.GetRequiredService<IOptions<SchedulingOptions>>()));
        return http;
    }

    // Routes keep the base's own path (http://host/api/ + /v1/sites → /api/v1/sites).
    private static Uri WithTrailingSlash(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
}
