using Microsoft.Extensions.DependencyInjection.Extensions;
using PhoneBooking.IvrHost.Callbacks.Dialer;
using PhoneBooking.IvrHost.Callbacks.Storage;
using PhoneBooking.IvrHost.Hosting;

namespace PhoneBooking.IvrHost.Callbacks;

public static class CallbacksServiceCollectionExtensions
{
    /// <summary>
    /// The outbound queue (SQLite, in the line's file), its webhooks' handler, and — unless
    /// <c>Callbacks:DialerEnabled</c> is false — the dialer loop in this host (section <c>Callbacks</c>).
    /// </summary>
    public static IServiceCollection AddCallbacks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<CallbackOptions, CallbackOptionsValidator>(configuration, CallbackOptions.SectionName);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ICallbackRequests, SqliteCallbackRequests>();
        services.AddSingleton<ICallbackQueue, SqliteCallbackQueue>();
        services.AddSingleton<IOfferFeedStore, SqliteOfferFeedStore>();
        services.AddSingleton<IDialPacer, SqliteDialPacer>();
        services.AddSingleton<DialerMetrics>();
        services.AddSingleton<OutboundUrls>();
        services.AddSingleton<CallingHours>();
        services.AddSingleton<OutboundCallPlacer>();
        services.AddSingleton<FinalNotices>();
        services.AddSingleton<OfferFeed>();
        services.AddSingleton<CallbackDialer>();
        services.AddTransient<OutboundCallHandler>();
        if (configuration.GetValue($"{CallbackOptions.SectionName}:{nameof(CallbackOptions.DialerEnabled)}", defaultValue: true))
        {
            services.AddHostedService<DialerService>();
        }

        return services;
    }
}
