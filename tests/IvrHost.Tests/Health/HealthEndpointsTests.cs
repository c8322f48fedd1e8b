using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.IvrHost.Tests.Storage;
using PhoneBooking.Storage;
using PhoneBooking.Testing;

namespace PhoneBooking.IvrHost.Tests.Health;

public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task Live_ProcessUp_Returns200WithoutRunningChecks()
    {
        using var factory = new IvrHostFactory();

        var (status, body) = await GetAsync(factory, "/health/live");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Empty(body.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task Ready_StoreReachable_Returns200AndReportsEveryCheckButNeverTheApisAddress()
    {
        using var factory = new IvrHostFactory();

        var (status, body) = await GetAsync(factory, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        var checks = body.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("sessions").GetProperty("status").GetString());
        Assert.Equal(factory.Provider == StorageProvider.Sqlite, checks.TryGetProperty("storage", out var storage)); // the data folder: only SQLite writes there
        Assert.True(factory.Provider != StorageProvider.Sqlite || storage.GetProperty("status").GetString() == "Healthy");
        Assert.True(checks.TryGetProperty("scheduling", out _));
        Assert.DoesNotContain("127.0.0.1:9", body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_DataDiskFull_503NamingStorageUntilSpaceIsFreed()
    {
        using var disk = new SmallDisk();
        using var factory = new IvrHostFactory(new Dictionary<string, string?> { ["Storage:DataDirectory"] = disk.Path }, provider: StorageProvider.Sqlite);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(factory, "/health/ready")).Item1);

        disk.Fill();
        var (status, body) = await GetAsync(factory, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var storage = body.GetProperty("checks").GetProperty("storage");
        Assert.Equal(("Unhealthy", "data folder cannot take writes (disk full or read-only)"), (storage.GetProperty("status").GetString(), storage.GetProperty("description").GetString()));
        Assert.DoesNotContain(disk.Path, body.ToString(), StringComparison.Ordinal);

        disk.Free();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(factory, "/health/ready")).Item1);
    }

    [Fact]
    public async Task Ready_DataDiskRemountedReadOnly_503()
    {
        using var disk = new SmallDisk();
        using var factory = new IvrHostFactory(new Dictionary<string, string?> { ["Storage:DataDirectory"] = disk.Path }, provider: StorageProvider.Sqlite);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(factory, "/health/ready")).Item1);

        SqliteConnection.ClearAllPools(); // a filesystem with files open for writing cannot be remounted read-only
        disk.MakeReadOnly();
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await GetAsync(factory, "/health/ready")).Item1);
        }
        finally
        {
            disk.MakeWritable();
        }
    }

    [Fact]
    public async Task Ready_SchedulingBackendDown_StaysReadyAndSaysDown()
    {
        using var factory = new IvrHostFactory(new Dictionary<string, string?>
        {
            ["Scheduling:HealthProbeFailuresForDown"] = "1",
            ["Scheduling:RetryCount"] = "0",
        });

        // The client's probe runs at start against a port nobody listens on; wait for its verdict.
        var (status, body) = await GetAsync(factory, "/health/ready");
        for (var i = 0; i < 200 && State(body) != "Down"; i++)
        {
            await Task.Delay(25);
            (status, body) = await GetAsync(factory, "/health/ready");
        }

        Assert.Equal("Down", State(body));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        Assert.Equal("Degraded", body.GetProperty("checks").GetProperty("scheduling").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_StoreBroken_Returns503AndNamesTheStore()
    {
        using var factory = new IvrHostFactory();
        await GetAsync(factory, "/health/live");
        await using (var connection = LineTestStorage.OpenRaw(factory.Settings))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE call_sessions";
            await drop.ExecuteNonQueryAsync();
        }

        var (status, body) = await GetAsync(factory, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        var sessions = body.GetProperty("checks").GetProperty("sessions");
        Assert.Equal(("Unhealthy", "call session store unreachable"), (sessions.GetProperty("status").GetString(), sessions.GetProperty("description").GetString()));
    }

    private static string? State(JsonElement ready) =>
        ready.GetProperty("checks").GetProperty("scheduling").GetProperty("data").GetProperty("state").GetString();

    private static async Task<(HttpStatusCode, JsonElement)> GetAsync(IvrHostFactory factory, string path)
    {
        using var response = await factory.CreateClient().GetAsync(path);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
