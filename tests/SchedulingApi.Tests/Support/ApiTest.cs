using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Tests.Support;

/// <summary>Base class: a fresh API on its own database for every test.</summary>
public abstract class ApiTest : IAsyncLifetime
{
    private TestApi? _api;

    protected TestApi Api => _api ?? throw new InvalidOperationException("Not started.");

    protected HttpClient Client => Api.Client;

    /// <summary>
    /// SQLite unless the run asks otherwise: <c>PHONEBOOKING_TEST_STORAGE=Postgres dotnet test tests/SchedulingApi.Tests</c>
    /// runs every API test on PostgreSQL (CI runs both).
    /// </summary>
    protected virtual StorageProvider Provider => TestStorage.Provider;

    public async Task InitializeAsync() => _api = await TestApi.StartAsync(Configure, Provider);

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    /// <summary>Override to change the settings of this class's API.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }
}
