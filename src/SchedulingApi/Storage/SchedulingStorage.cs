using PhoneBooking.SchedulingApi.BookingRequests;
using PhoneBooking.SchedulingApi.Bookings;
using PhoneBooking.SchedulingApi.Events;
using PhoneBooking.SchedulingApi.Facilities;
using PhoneBooking.SchedulingApi.GroupVisits;
using PhoneBooking.SchedulingApi.Idempotency;
using PhoneBooking.SchedulingApi.Offers;
using PhoneBooking.SchedulingApi.Security;
using PhoneBooking.SchedulingApi.Sites;
using PhoneBooking.SchedulingApi.Storage.Postgres;
using PhoneBooking.SchedulingApi.Storage.Sqlite;
using PhoneBooking.SchedulingApi.Storage.Stores;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Migrations;

namespace PhoneBooking.SchedulingApi.Storage;

/// <summary>
/// The API's storage on the shared convention (docs/storage.md): one feature, <c>scheduling</c>, on either
/// provider. One set of stores serves both; the provider supplies the session (<see cref="IStoreSession"/>).
/// </summary>
public static class SchedulingStorage
{
    public const string SqliteFileName = "scheduling.db";

    /// <summary>Every table of the API; scripts in <c>Storage/Migrations/{sqlite,postgres}</c>.</summary>
    public static readonly FeatureSchema Schema = new("scheduling", typeof(SchedulingStorage).Assembly, "Storage/Migrations");

    internal static IServiceCollection AddSchedulingStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStorage(configuration, SqliteFileName);
        services.AddFeatureSchema(Schema);
        if (configuration.GetStorageProvider() == StorageProvider.Postgres)
        {
            services.AddPostgresSession();
        }
        else
        {
            services.AddSqliteSession();
        }

        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<IStoreSession>());
        services.AddScoped<ISiteStore, SiteStore>();
        services.AddScoped<IWindowStore, WindowStore>();
        services.AddScoped<IBookingRequestStore, BookingRequestStore>();
        services.AddScoped<IOfferStore, OfferStore>();
        services.AddScoped<IBookingStore, BookingStore>();
        services.AddScoped<IFacilityStore, FacilityStore>();
        services.AddScoped<IGroupVisitStore, GroupVisitStore>();
        services.AddScoped<IEventStore, EventStore>();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddScoped<IResourceOwnerStore, ResourceOwnerStore>();
        services.AddScoped<IPersonKeyStore, PersonKeyStore>();
        services.AddScoped<IGuessCounterStore, GuessCounterStore>();
        return services;
    }
}
