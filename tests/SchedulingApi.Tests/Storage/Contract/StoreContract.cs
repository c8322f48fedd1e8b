using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.SchedulingApi.Security;
using PhoneBooking.SchedulingApi.Storage;
using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Tests.Storage.Contract;

/// <summary>
/// The store contract suite: every API store's promises, run against SQLite and against PostgreSQL (each
/// store has an abstract <c>…Contract</c> class and one sealed subclass per provider). The stores are the
/// ones the API resolves, on a freshly migrated and seeded database (<see cref="TestSettings"/>).
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    private TestApi? _api;

    protected TestApi Api => _api ?? throw new InvalidOperationException("Not started.");

    protected abstract StorageProvider Provider { get; }

    protected static DateTimeOffset Now => TestSettings.Start;

    protected static CancellationToken None => CancellationToken.None;

    public async Task InitializeAsync() => _api = await TestApi.StartAsync(Configure, Provider);

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    /// <summary>Runs <paramref name="work"/> with the stores of a new scope, in one committed transaction (a request's or a matcher step's).</summary>
    protected async Task<T> InTransactionAsync<T>(Func<Stores, Task<T>> work)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var stores = new Stores(scope.ServiceProvider);
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        await unitOfWork.BeginAsync(None);
        var result = await work(stores);
        await unitOfWork.CommitAsync(None);
        return result;
    }

    protected Task InTransactionAsync(Func<Stores, Task> work) => InTransactionAsync(async stores =>
    {
        await work(stores);
        return 0;
    });

    /// <summary>Runs <paramref name="work"/> in a transaction that is rolled back.</summary>
    protected async Task RolledBackAsync(Func<Stores, Task> work)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        await unitOfWork.BeginAsync(None);
        await work(new Stores(scope.ServiceProvider));
        await unitOfWork.RollbackAsync();
    }

    protected static BookingRequest Request(
        string id,
        RequestStatus status = RequestStatus.Queued,
        Channel channel = Channel.Web,
        DateOnly? eligibleFrom = null,
        string cohort = "seniors",
        IReadOnlyList<Preference>? preferences = null) =>
        new(0, id, status, channel, channel == Channel.Web ? HoldStart.OnOffer : HoldStart.OnDelivery, "fr-CA", new DateOnly(1950, 3, 23),
            "Ada Lovelace", "1234-567-890-AB", "M3N 1A1", "+14165550123", preferences ?? [Preference.Anything], cohort, eligibleFrom, 0, null, null, Now);

    /// <summary>The stores of one scope.</summary>
    protected sealed class Stores(IServiceProvider services)
    {
        public IBookingRequestStore Requests => services.GetRequiredService<IBookingRequestStore>();

        public IWindowStore Windows => services.GetRequiredService<IWindowStore>();

        public IOfferStore Offers => services.GetRequiredService<IOfferStore>();

        public IBookingStore Bookings => services.GetRequiredService<IBookingStore>();

        public IFacilityStore Facilities => services.GetRequiredService<IFacilityStore>();

        public IGroupVisitStore GroupVisits => services.GetRequiredService<IGroupVisitStore>();

        public IEventStore Events => services.GetRequiredService<IEventStore>();

        public PhoneBooking.SchedulingApi.Idempotency.IIdempotencyStore Idempotency => services.GetRequiredService<PhoneBooking.SchedulingApi.Idempotency.IIdempotencyStore>();

        public ISiteStore Sites => services.GetRequiredService<ISiteStore>();

        public IResourceOwnerStore Owners => services.GetRequiredService<IResourceOwnerStore>();

        public IPersonKeyStore People => services.GetRequiredService<IPersonKeyStore>();

        public IGuessCounterStore Guesses => services.GetRequiredService<IGuessCounterStore>();
    }
}
