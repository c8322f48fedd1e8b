using Microsoft.Extensions.DependencyInjection.Extensions;
using PhoneBooking.IvrHost.Hosting;
using PhoneBooking.IvrHost.Sessions.Sqlite;
using PhoneBooking.IvrHost.Storage;

namespace PhoneBooking.IvrHost.Sessions;

public static class CallSessionsServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="ICallSessionStore"/> (provider from <c>Sessions:Provider</c>; SQLite in the data
    /// folder), <see cref="CallerKeys"/>, schema creation at start and the retention purge.
    /// </summary>
    public static IServiceCollection AddCallSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SessionsOptions, SessionsOptionsValidator>(configuration, SessionsOptions.SectionName);
        services.AddDataDirectory(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CallerKeys>();

        // One provider today; the validator refuses any other name, so PostgreSQL plugs in here.
        services.AddSingleton<SqliteSessionDatabase>();
        services.AddSingleton<ICallSessionStore, SqliteCallSessionStore>();

        services.AddHostedService<SessionStoreInitializer>();
        services.AddHostedService<ExpiredSessionPurger>();
        return services;
    }
}
