using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBooking.Twilio.AspNetCore;
using PhoneBooking.Twilio.Rest;

namespace PhoneBooking.Twilio;

public static class TwilioServiceCollectionExtensions
{
    /// <summary>
    /// Options from section <c>Twilio</c> (validated at start), webhook signature validation
    /// (<see cref="ValidateTwilioRequestFilter"/>) and the typed <see cref="TwilioRestClient"/>.
    /// </summary>
    public static IServiceCollection AddTwilio(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<TwilioMetrics>();
        services.TryAddSingleton<TwilioRequestVerifier>();

        services.AddTransient(sp => new TwilioRetryHandler(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TwilioMetrics>(), sp.GetRequiredService<ILogger<TwilioRetryHandler>>()));
        services.AddHttpClient<TwilioRestClient>((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<TwilioOptions>>().Value;
                client.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
                client.DefaultRequestHeaders.UserAgent.ParseAdd("PhoneBooking.Twilio/1.0");
                client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            })
            .AddHttpMessageHandler<TwilioRetryHandler>();
        return services;
    }
}
