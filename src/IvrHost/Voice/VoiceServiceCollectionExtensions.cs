using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Deferred;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.IvrHost.Hosting;

namespace PhoneBooking.IvrHost.Voice;

public static class VoiceServiceCollectionExtensions
{
    /// <summary>The call flow and everything a voice webhook needs around it.</summary>
    public static IServiceCollection AddVoice(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<LineOptions, LineOptionsValidator>(configuration, LineOptions.SectionName);
        services.AddSingleton(new CallFlowMachine(CallFlowDefinition.Build()));
        services.AddSingleton<LineClock>();
        services.AddSingleton<CallSessions>();
        services.AddTransient<CallWork>();
        services.AddSingleton<CallTwiml>();
        services.AddTransient<CallTurns>();
        services.AddSingleton<WebhookEvents>();
        services.AddSingleton<FallbackTwiml>();
        services.AddSingleton<VoiceSafetyNet>();
        services.AddSingleton<IIncidentBoard, ConfiguredIncidentBoard>();
        services.AddSingleton<IBookingTexts, TwilioBookingTexts>();
        services.AddDeferredRequests(configuration);
        services.AddHandoffs();
        return services;
    }
}
