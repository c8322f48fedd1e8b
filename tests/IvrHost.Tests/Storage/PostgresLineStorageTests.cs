using Dapper;
using PhoneBooking.IvrHost.Tests.AgentConsole;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.IvrHost.Tests.Voice;
using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.Tests.Storage;

/// <summary>
/// On PostgreSQL the line keeps nothing on its own disk (issue 14): sessions, the embedded API's data, the
/// console's sign-in keys all go to the database, so any instance can serve any call or any agent.
/// </summary>
public sealed class PostgresLineStorageTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Postgres_CallBookedAndAgentSignedIn_NothingWrittenToTheDataFolder()
    {
        var data = _root.File("line-data");
        using var line = IvrHostFactory.WithEmbeddedApi(ConsoleAccounts.Settings(new Dictionary<string, string?> { ["Storage:DataDirectory"] = data }), StorageProvider.Postgres);
        var call = new SignedWebhooks(line.CreateClient(), SignedWebhooks.NewCallSid());

        await Caller.UntilWaitChoiceAsync(call);
        await call.PressAsync("1"); // wait on the line
        await Caller.HoldUntilOfferAsync(call);
        var booked = SignedWebhooks.Heard(await call.PressAsync("1"));
        using var agent = await ConsoleClient.SignedInAsync(line, "alice");

        Assert.Contains("It is booked", booked, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data), $"the line made {data} on PostgreSQL"); // not even an empty folder
        await using var database = LineTestStorage.OpenRaw(line.Settings);
        Assert.Equal(1L, await database.ExecuteScalarAsync<long>("SELECT count(*) FROM bookings"));
        Assert.NotEqual(0L, await database.ExecuteScalarAsync<long>("SELECT count(*) FROM data_protection_keys"));
    }
}
