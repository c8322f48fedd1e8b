using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
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
    /// Returns the HttpClient builder, so a host can add inner handlers or a primary handler.
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
        services.TryAddSingleton<SchedulingPipeline>();
        services.TryAddTransient<ResilienceHandler>();
        if (!services.Any(d => d.ServiceType == typeof(BackendHealthProbe)))
        {
            services.AddSingleton<BackendHealthProbe>();
            services.AddHostedService(sp => sp.GetRequiredService<BackendHealthProbe>());
        }

        return services
            .AddHttpClient<ISchedulingClient, HttpSchedulingClient>(HttpClientName, (sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<SchedulingOptions>>().Value;
                http.BaseAddress = WithTrailingSlash(options.BaseUrl!);

                // The pipeline owns time (total and attempt timeouts on the injected clock).
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<ResilienceHandler>()
            .AddHttpMessageHandler(sp => new ApiKeyHandler(sp.GetRequiredService<IOptions<SchedulingOptions>>()));
    }

    // Relative paths ("v1/sites") resolve under the base, also when it has a path of its own.
    private static Uri WithTrailingSlash(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
}
