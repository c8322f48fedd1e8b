using Dapper;
using PhoneBooking.SchedulingApi.BookingRequests;
using PhoneBooking.SchedulingApi.Bookings;
using PhoneBooking.SchedulingApi.Events;
using PhoneBooking.SchedulingApi.Facilities;
using PhoneBooking.SchedulingApi.GroupVisits;
using PhoneBooking.SchedulingApi.Idempotency;
using PhoneBooking.SchedulingApi.Offers;
using PhoneBooking.SchedulingApi.Security;
using PhoneBooking.SchedulingApi.Sites;

namespace PhoneBooking.SchedulingApi.Storage.Sqlite;

internal static class SqliteStorageExtensions
{
    /// <summary>The SQLite implementation of every store; a PostgreSQL one registers the same interfaces.</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true; // snake_case columns → PascalCase properties
        services.AddSingleton<SqliteDatabase>();
        services.AddScoped<SqliteUnitOfWork>();
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<SqliteUnitOfWork>());
        services.AddScoped<ISiteStore, SqliteSiteStore>();
        services.AddScoped<IWindowStore, SqliteWindowStore>();
        services.AddScoped<IBookingRequestStore, SqliteBookingRequestStore>();
        services.AddScoped<IOfferStore, SqliteOfferStore>();
        services.AddScoped<IBookingStore, SqliteBookingStore>();
        services.AddScoped<IFacilityStore, SqliteFacilityStore>();
        services.AddScoped<IGroupVisitStore, SqliteGroupVisitStore>();
        services.AddScoped<IEventStore, SqliteEventStore>();
        services.AddScoped<IIdempotencyStore, SqliteIdempotencyStore>();
        services.AddScoped<IResourceOwnerStore, SqliteResourceOwnerStore>();
        services.AddScoped<IPersonKeyStore, SqlitePersonKeyStore>();
        services.AddScoped<IGuessCounterStore, SqliteGuessCounterStore>();
        services.AddScoped<ISchemaMigrator, SqliteSchemaMigrator>();
        services.AddSingleton<IDatabaseProbe, SqliteDatabaseProbe>();
        return services;
    }
}
