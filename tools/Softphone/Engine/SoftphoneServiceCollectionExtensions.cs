using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PhoneBooking.Softphone.Engine;

public static class SoftphoneServiceCollectionExtensions
{
    /// <summary>Registers a <see cref="SoftphoneEngine"/> configured from section "Softphone", validated at start.</summary>
    public static IServiceCollection AddSoftphone(this IServiceCollection services)
    {
        services.AddOptions<SoftphoneOptions>().BindConfiguration(SoftphoneOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SoftphoneOptions>, SoftphoneOptionsValidator>();
        services.AddSingleton(sp => new SoftphoneMetrics(sp.GetService<IMeterFactory>()));
        services.AddSingleton(sp => new SoftphoneEngine(
            sp.GetRequiredService<IOptions<SoftphoneOptions>>().Value,
            time: sp.GetService<TimeProvider>(),
            loggers: sp.GetService<ILoggerFactory>(),
            metrics: sp.GetRequiredService<SoftphoneMetrics>()));
        return services;
    }
}
