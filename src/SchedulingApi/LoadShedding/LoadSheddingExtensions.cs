using PhoneBooking.SchedulingApi.Api;

namespace PhoneBooking.SchedulingApi.LoadShedding;

internal static class LoadSheddingExtensions
{
    /// <summary>Options (section <c>LoadShedding</c>, validated at start) and metrics.</summary>
    public static IServiceCollection AddLoadShedding(this IServiceCollection services)
    {
        services.AddValidatedOptions<LoadSheddingOptions>().BindStrictly(LoadSheddingOptions.SectionName);
        services.AddSingleton<LoadSheddingMetrics>();
        return services;
    }

    /// <summary>Early in the pipeline, after error handling: a shed request costs no authentication, no database work.</summary>
    public static IApplicationBuilder UseLoadShedding(this IApplicationBuilder app) => app.UseMiddleware<LoadSheddingMiddleware>();
}
