using Microsoft.Extensions.DependencyInjection.Extensions;
using PhoneBooking.IvrHost.Hosting;
using PhoneBooking.IvrHost.Storage;
using PhoneBooking.ServiceDefaults;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Migrations;

namespace PhoneBooking.IvrHost.Sessions;

public static class CallSessionsServiceCollectionExtensions
{
    /// <summary>The <c>call_sessions</c> table: <c>Sessions/Migrations</c>.</summary>
    public static readonly FeatureSchema Schema = new("sessions", typeof(CallSessionsServiceCollectionExtensions).Assembly, "Sessions/Migrations");

    /// <summary>
    /// <see cref="ICallSessionStore"/> (in the line's database, <c>Storage:Provider</c>; payloads encrypted at
    /// rest, section <c>Encryption</c>), its table, <see cref="CallerKeys"/> and the retention purge.
    /// </summary>
    public static IServiceCollection AddCallSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SessionsOptions, SessionsOptionsValidator>(configuration, SessionsOptions.SectionName);
        services.AddLineStorage(configuration);
        services.AddFeatureSchema(Schema);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CallerKeys>();
        services.AddSingleton<ICallSessionStore, CallSessionStore>();
        services.AddHostedService<ExpiredSessionPurger>();
        services.AddSampledGauges<ActiveCallGauge>();
        return services;
    }
}
