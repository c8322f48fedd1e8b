using PhoneBooking.SchedulingApi.BookingRequests;
using PhoneBooking.SchedulingApi.Bookings;
using PhoneBooking.SchedulingApi.Events;
using PhoneBooking.SchedulingApi.Facilities;
using PhoneBooking.SchedulingApi.GroupVisits;
using PhoneBooking.SchedulingApi.Idempotency;
using PhoneBooking.SchedulingApi.Offers;
using PhoneBooking.SchedulingApi.Sites;

namespace PhoneBooking.SchedulingApi.Storage.Sqlite;

internal static class SqliteStorageExtensions
{
    /// <summary>The SQLite implementation of every store (the file and its migrations come from <c>AddStorage</c>).</summary>
    public static IServiceCollection AddSqliteStores(this IServiceCollection services)
    {
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
        services.AddSingleton<IDatabaseProbe, SqliteDatabaseProbe>();
        return services;
    }
}
