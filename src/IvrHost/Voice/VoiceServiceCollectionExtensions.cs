using Microsoft.Extensions.DependencyInjection.Extensions;
using PhoneBooking.IvrHost.Admission;
using PhoneBooking.IvrHost.CallerLimits;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Hosting;

namespace PhoneBooking.IvrHost.Voice;

public static class VoiceServiceCollectionExtensions
{
    /// <summary>
    /// The call flow and what a voice webhook needs around it. Nothing else: deferred requests,
    /// handoffs, callbacks and the console each have their own <c>Add…</c>, in any order.
    /// </summary>
    public static IServiceCollection AddVoice(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<LineOptions, LineOptionsValidator>(configuration, LineOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new CallFlowMachine(CallFlowDefinition.Build()));
        services.AddSingleton<LineClock>();
        services.AddSingleton<LineSpeaker>();
        services.AddSingleton<CallSessions>();
        services.AddTransient<CallWork>();
        services.AddSingleton<CallTwiml>();
        services.AddTransient<CallTurns>();
        services.AddCallerLimits(configuration);
        services.AddSingleton<WebhookEvents>();
        services.AddSingleton<FallbackTwiml>();
        services.AddSingleton<VoiceSafetyNet>();
        services.AddAdmission(configuration);

        // The console's stored notice replaces this one whichever is registered first.
        services.TryAddSingleton<IIncidentBoard, ConfiguredIncidentBoard>();
        services.TryAddSingleton<ILineSwitchBoard, AllOnSwitchBoard>();
        services.AddSingleton<IBookingTexts, TwilioBookingTexts>();
        services.AddHostedService<FlowPromptsCheck>();
        return services;
    }
}
