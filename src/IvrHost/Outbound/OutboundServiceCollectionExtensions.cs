using Microsoft.Extensions.DependencyInjection.Extensions;
using PhoneBooking.IvrHost.Hosting;
using PhoneBooking.IvrHost.Storage;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Migrations;

namespace PhoneBooking.IvrHost.Outbound;

public static class OutboundServiceCollectionExtensions
{
    /// <summary>The <c>outbound_texts</c> table: <c>Outbound/Migrations</c>.</summary>
    public static readonly FeatureSchema Schema = new("outbound", typeof(OutboundServiceCollectionExtensions).Assembly, "Outbound/Migrations");

    /// <summary>The one policy for every call and text the line makes (section <c>Outbound</c>), and the ledger of texts sent.</summary>
    public static IServiceCollection AddOutboundPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<OutboundOptions, OutboundOptionsValidator>(configuration, OutboundOptions.SectionName);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboundPolicy>();
        services.TryAddSingleton<OutboundMetrics>();
        services.AddLineStorage(configuration);
        services.AddFeatureSchema(Schema);
        services.TryAddSingleton<TextLedger>();
        services.TryAddSingleton<OutboundTexts>();
        return services;
    }
}
