using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBooking.Storage.Migrations;

namespace PhoneBooking.Storage.RateLimiting;

public static class SharedRateLimitsServiceCollectionExtensions
{
    /// <summary>The counters' table: the feature <c>rate_limits</c>, the same in both processes (they may share a database).</summary>
    public static readonly FeatureSchema Schema = new("rate_limits", typeof(SharedRateLimits).Assembly, "RateLimiting/Migrations");

    /// <summary>
    /// <see cref="SharedRateLimits"/> on the process's database (call after <c>AddStorage</c>): its table,
    /// section <see cref="SharedRateLimitOptions.SectionName"/> (validated at start), its metrics and the pruner. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddSharedRateLimits(this IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(SharedRateLimits)))
        {
            return services;
        }

        services.AddFeatureSchema(Schema);
        services.AddOptions<SharedRateLimitOptions>().BindConfiguration(SharedRateLimitOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SharedRateLimitOptions>, SharedRateLimitOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RateLimitCounters>();
        services.AddSingleton<RateLimitMetrics>();
        services.AddSingleton<SharedRateLimits>();
        services.AddHostedService<RateLimitPruner>();
        return services;
    }
}

/// <summary>Deletes windows that are over, every <see cref="SharedRateLimitOptions.PruneInterval"/>; a failed pass waits for the next.</summary>
internal sealed partial class RateLimitPruner(
    RateLimitCounters counters,
    TimeProvider clock,
    IOptions<SharedRateLimitOptions> options,
    ILogger<RateLimitPruner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PruneInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await counters.PruneAsync(clock.GetUtcNow(), stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogPruneFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 9102, EventName = "RateLimitPruneFailed", Level = LogLevel.Warning, Message = "Pruning the shared rate-limit windows failed; the next pass tries again")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
