using Microsoft.Extensions.DependencyInjection.Extensions;
using PhoneBooking.IvrHost.Callbacks.Dialer;
using PhoneBooking.IvrHost.Callbacks.Storage;
using PhoneBooking.IvrHost.Hosting;
using PhoneBooking.IvrHost.Storage;
using PhoneBooking.ServiceDefaults;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Migrations;

namespace PhoneBooking.IvrHost.Callbacks;

public static class CallbacksServiceCollectionExtensions
{
    /// <summary>The outbound queue's tables (callbacks, attempts, offer news, feed cursor, pacing slot): <c>Callbacks/Storage/Migrations</c>.</summary>
    public static readonly FeatureSchema Schema = new("callbacks", typeof(CallbacksServiceCollectionExtensions).Assembly, "Callbacks/Storage/Migrations");

    /// <summary>
    /// The outbound queue (in the line's database), its webhooks' handler, and — unless
    /// <c>Callbacks:DialerEnabled</c> is false — the dialer loop in this host (section <c>Callbacks</c>).
    /// </summary>
    public static IServiceCollection AddCallbacks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<CallbackOptions, CallbackOptionsValidator>(configuration, CallbackOptions.SectionName);
        services.AddMetrics();
        services.AddLineStorage(configuration);
        services.AddFeatureSchema(Schema);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ICallbackRequests, CallbackRequests>();
        services.AddSingleton<ICallbackQueue, CallbackQueue>();
        services.AddSingleton<IOfferFeedStore, OfferFeedStore>();
        services.AddSingleton<IDialPacer, DialPacer>();
        services.AddSingleton<DialerMetrics>();
        services.AddSampledGauges<CallbackQueueGauges>();
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
