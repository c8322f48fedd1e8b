using PhoneBooking.ServiceDefaults;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Migrations;

namespace PhoneBooking.IvrHost.Handoffs;

public static class HandoffsServiceCollectionExtensions
{
    /// <summary>The <c>handoffs</c> table: <c>Handoffs/Migrations</c>.</summary>
    public static readonly FeatureSchema Schema = new("handoffs", typeof(HandoffsServiceCollectionExtensions).Assembly, "Handoffs/Migrations");

    /// <summary>The handoff desk (in the line's database: <c>AddLineStorage</c>), and the webhooks of callers on their way to a person.</summary>
    public static IServiceCollection AddHandoffs(this IServiceCollection services)
    {
        services.AddFeatureSchema(Schema);
        services.AddSingleton<IHandoffDesk, HandoffDesk>();
        services.AddSingleton<HandoffMetrics>();
        services.AddSampledGauges<HandoffGauges>();
        services.AddSingleton<AgentLineTwiml>();
        services.AddTransient<AgentLine>();
        return services;
    }
}
