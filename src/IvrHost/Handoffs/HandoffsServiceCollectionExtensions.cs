namespace PhoneBooking.IvrHost.Handoffs;

public static class HandoffsServiceCollectionExtensions
{
    /// <summary>The handoff desk and the webhooks of callers on their way to a person.</summary>
    public static IServiceCollection AddHandoffs(this IServiceCollection services)
    {
        services.AddSingleton<IHandoffDesk, SqliteHandoffDesk>();
        services.AddSingleton<HandoffMetrics>();
        services.AddSingleton<AgentLineTwiml>();
        services.AddTransient<AgentLine>();
        return services;
    }
}
