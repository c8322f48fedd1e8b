using PhoneBooking.Storage;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Storage;

/// <summary>
/// The line's store contract suite: each store's promises, run against SQLite and against PostgreSQL (an
/// abstract <c>…Contract</c> class per store, one sealed subclass per provider), on the stores the line
/// registers over a freshly migrated database (<see cref="LineStores"/>).
/// </summary>
public abstract class LineStoreContract : IAsyncLifetime
{
    private LineStores? _stores;

    protected LineStores Stores => _stores ?? throw new InvalidOperationException("Not started.");

    protected abstract StorageProvider Provider { get; }

    protected ManualTimeProvider Clock => Stores.Clock;

    protected static CancellationToken None => CancellationToken.None;

    public async Task InitializeAsync() => _stores = await LineStores.StartAsync(Provider);

    public async Task DisposeAsync()
    {
        if (_stores is not null)
        {
            await _stores.DisposeAsync();
        }
    }

    protected T Get<T>()
        where T : notnull => Stores.Get<T>();
}
