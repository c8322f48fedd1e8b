using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Hosting;
using PhoneBooking.IvrHost.Storage;
using PhoneBooking.ServiceDefaults;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Migrations;

namespace PhoneBooking.IvrHost.Deferred;

public static class DeferredServiceCollectionExtensions
{
    /// <summary>The <c>deferred_requests</c> table: <c>Deferred/Migrations</c>.</summary>
    public static readonly FeatureSchema Schema = new("deferred", typeof(DeferredServiceCollectionExtensions).Assembly, "Deferred/Migrations");

    /// <summary>The store of requests taken while the scheduling API was down, and the submitter that sends them when it is back.</summary>
    public static IServiceCollection AddDeferredRequests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DeferredOptions, DeferredOptionsValidator>(configuration, DeferredOptions.SectionName);
        services.AddLineStorage(configuration);
        services.AddFeatureSchema(Schema);
        services.AddSingleton<IDeferredRequestStore, DeferredRequestStore>();
        services.AddSingleton<IDeferredRequests, PhoneDeferredRequests>();
        services.AddSingleton<DeferredMetrics>();
        services.AddSampledGauges<DeferredGauges>();
        services.AddSingleton<DeferredSubmitter>();
        services.AddHostedService(sp => sp.GetRequiredService<DeferredSubmitter>());
        return services;
    }
}
