namespace PhoneBooking.SchedulingApi.Tests.Support;

/// <summary>
/// One API shared by a test class whose tests change nothing (bad input, reads of seed data):
/// starting an API per test costs more than the test itself.
/// </summary>
public sealed class SharedApi : IAsyncLifetime
{
    private TestApi? _api;

    public TestApi Api => _api ?? throw new InvalidOperationException("Not started.");

    public HttpClient Client => Api.Client;

    public async Task InitializeAsync() => _api = await TestApi.StartAsync(provider: TestStorage.Provider);

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }
}
