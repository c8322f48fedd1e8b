using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PhoneBooking.ServiceDefaults;

/// <summary>
/// Gauges of state kept in a database (queue depths, how long the oldest item has waited). They are read
/// in the background every <see cref="MetricsEndpointOptions.QueueSampleInterval"/> by one bounded query
/// set, and the observable gauges report the last sample: a scrape never waits for a database, any number
/// of scrapes costs one query set per interval, and no webhook ever runs these queries. After a failed
/// sample a feature reports nothing (the series vanish) rather than a stale value.
/// </summary>
public interface ISampledGauges
{
    Task SampleAsync(CancellationToken cancellationToken);

    /// <summary>The last sample failed: report nothing until the next one succeeds.</summary>
    void Forget();
}

public static class SampledGaugesExtensions
{
    /// <summary>Registers <typeparamref name="TGauges"/> (a singleton) and the background sampling that feeds it, once per host.</summary>
    public static IServiceCollection AddSampledGauges<TGauges>(this IServiceCollection services)
        where TGauges : class, ISampledGauges
    {
        if (services.Any(d => d.ServiceType == typeof(TGauges)))
        {
            return services;
        }

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TGauges>();
        services.AddSingleton<ISampledGauges>(sp => sp.GetRequiredService<TGauges>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, GaugeSampling>());
        return services;
    }
}

/// <summary>Samples every registered <see cref="ISampledGauges"/>, one after the other, every interval.</summary>
internal sealed partial class GaugeSampling(
    IEnumerable<ISampledGauges> gauges, IConfiguration configuration, TimeProvider clock, ILogger<GaugeSampling> logger) : BackgroundService
{
    private readonly HashSet<ISampledGauges> _failing = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Out-of-range values fail validation at start (AddServiceDefaults); an embedded service reads its host's.
        var interval = TimeSpan.FromTicks(Math.Clamp(
            MetricsEndpointOptions.From(configuration).QueueSampleInterval.Ticks, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute * 5));
        try
        {
            while (true)
            {
                foreach (var gauge in gauges)
                {
                    await SampleAsync(gauge, stoppingToken);
                }

                await Task.Delay(interval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task SampleAsync(ISampledGauges gauge, CancellationToken stoppingToken)
    {
        try
        {
            await gauge.SampleAsync(stoppingToken);
            if (_failing.Remove(gauge))
            {
                LogRecovered(logger, gauge.GetType().Name);
            }
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            gauge.Forget();

            // Once per failing streak: a database that is down is StorageErrors' news, not a log line every 10 s.
            if (_failing.Add(gauge))
            {
                LogFailed(logger, exception, gauge.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 70, EventName = "GaugeSampleFailed", Level = LogLevel.Warning, Message = "Sampling {Gauges} failed; its gauges report nothing until a sample succeeds")]
    private static partial void LogFailed(ILogger logger, Exception exception, string gauges);

    [LoggerMessage(EventId = 71, EventName = "GaugeSampleRecovered", Level = LogLevel.Information, Message = "Sampling {Gauges} works again")]
    private static partial void LogRecovered(ILogger logger, string gauges);
}
