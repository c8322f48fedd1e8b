using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PhoneBooking.IvrHost.Observability;

public static class ObservabilityExtensions
{
    /// <summary>
    /// The line's own instruments (<see cref="IvrMetrics"/>). Logging, traces and their export are
    /// ServiceDefaults' (<c>builder.AddServiceDefaults()</c>), which exports meter <c>PhoneBooking.*</c>.
    /// </summary>
    public static IServiceCollection AddIvrMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<IvrMetrics>();
        return services;
    }
}
