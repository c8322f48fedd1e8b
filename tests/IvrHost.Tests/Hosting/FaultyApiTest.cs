using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Hosting;

/// <summary>
/// A test class's own fault server (answering as a healthy API until a test scripts otherwise) and
/// data folder, for lines started with <see cref="LineWithFaultyApi"/>; both go when the class's test ends.
/// </summary>
public abstract class FaultyApiTest : IAsyncLifetime
{
    protected TempDirectory Data { get; } = new();

    /// <summary>Settable: a test that stops the API mid-call starts another so teardown has one to stop.</summary>
    protected FaultServer Api { get; set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Api = await FaultServer.StartAsync();
        LineWithFaultyApi.ScriptHealthyApi(Api);
    }

    public virtual async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        Data.Dispose();
    }
}
