using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using global::Twilio.Clients;
using PhoneBooking.Twilio.AspNetCore;
using PhoneBooking.Twilio.Rest;

namespace PhoneBooking.Twilio;

public static class TwilioServiceCollectionExtensions
{
    /// <summary>
    /// Options from section <c>Twilio</c> (validated at start), webhook signature validation
    /// (<see cref="ValidateTwilioRequestFilter"/>) and the SDK's <see cref="ITwilioRestClient"/>
    /// over IHttpClientFactory (<see cref="TwilioApiClient"/>). Returns the REST HttpClient's builder.
    /// </summary>
    public static IHttpClientBuilder AddTwilio(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<TwilioMetrics>();
        services.TryAddSingleton<TwilioRequestVerifier>();
        services.TryAddSingleton<ITwilioRestClient, TwilioApiClient>();
        services.TryAddTransient<TwilioApiBaseUrlHandler>();

        var http = services.AddHttpClient(TwilioApiClient.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan) // the resilience handler's timeout, on the injected clock, bounds a call
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false }) // as the SDK's own client
            .AddHttpMessageHandler<TwilioApiBaseUrlHandler>();
        http.AddResilienceHandler(TwilioResilience.PipelineName, TwilioResilience.Configure);
        return http;
    }
}
