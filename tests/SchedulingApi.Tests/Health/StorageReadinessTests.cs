using System.Net;
using Microsoft.Data.Sqlite;
using PhoneBooking.Testing;

namespace PhoneBooking.SchedulingApi.Tests.Health;

/// <summary>
/// A full or read-only data disk: reads still answer, every write fails. Readiness must say so,
/// or the balancer keeps sending bookings to an instance that can take none.
/// </summary>
public sealed class StorageReadinessTests : IDisposable
{
    private readonly SmallDisk _disk = new();

    [SmallDiskFact]
    public async Task Ready_DiskFull_503UntilSpaceIsFreed()
    {
        await using var api = await TestApi.StartAsync(dataDirectory: _disk.Path);
        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/health/ready")).StatusCode);

        _disk.Fill();

        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/v1/sites")).StatusCode); // reads still work
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await api.Client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/health/live")).StatusCode);
        Assert.Contains(api.Logs.Records, r => r.EventId.Id == 90);

        _disk.Free();
        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/health/ready")).StatusCode);
    }

    [SmallDiskFact]
    public async Task Ready_DiskRemountedReadOnly_503()
    {
        await using var api = await TestApi.StartAsync(dataDirectory: _disk.Path);
        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/health/ready")).StatusCode);

        _disk.MakeReadOnly(closeWriters: SqliteConnection.ClearAllPools);
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await api.Client.GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            _disk.MakeWritable();
        }
    }

    public void Dispose() => _disk.Dispose();
}
