using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace PhoneBooking.SchedulingApi.Tests.Health;

public sealed class HealthAndOpenApiTests : ApiTest
{
    /// <summary>Breaks the SQLite file; PostgreSQL's readiness is tested with the server stopped (Storage/Postgres).</summary>
    protected override PhoneBooking.Storage.StorageProvider Provider => PhoneBooking.Storage.StorageProvider.Sqlite;

    [Fact]
    public async Task Live_And_Ready_200()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Ready_DatabaseFileBroken_503ButLive200()
    {
        SqliteConnection.ClearAllPools();
        var database = Path.Combine(Api.DataDirectory, "scheduling.db");
        foreach (var file in new[] { database, database + "-wal", database + "-shm" }.Where(File.Exists))
        {
            await File.WriteAllBytesAsync(file, new byte[8192]); // not a database any more
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_Published_WithEveryRouteAndTheIdempotencyHeader()
    {
        var document = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");

        foreach (var path in new[]
        {
            "/v1/eligibility", "/v1/sites", "/v1/availability", "/v1/booking-requests", "/v1/booking-requests/{requestId}",
            "/v1/offers/{offerId}/accept", "/v1/offers/{offerId}/decline", "/v1/offers/{offerId}/hold", "/v1/bookings/lookup",
            "/v1/bookings/cancel", "/v1/facilities/verify", "/v1/group-visits", "/v1/group-visits/{groupVisitId}", "/v1/events",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} missing from the OpenAPI document");
        }

        var submit = paths.GetProperty("/v1/booking-requests").GetProperty("post");
        Assert.Contains(submit.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("required").GetBoolean());
        Assert.True(submit.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.False(paths.GetProperty("/v1/eligibility").GetProperty("post").TryGetProperty("parameters", out _));
    }
}

public sealed class OverloadTests : ApiTest
{
    /// <summary>SQLite's writer slot; PostgreSQL's exhausted pool is tested in Storage/Postgres.</summary>
    protected override PhoneBooking.Storage.StorageProvider Provider => PhoneBooking.Storage.StorageProvider.Sqlite;

    protected override void Configure(Dictionary<string, string?> settings) => settings["Storage:WriterWaitSeconds"] = "1";

    [Fact]
    public async Task Submit_WriterBusyTooLong_503WithRetryAfterAndNothingStored()
    {
        var database = Api.Services.GetRequiredService<PhoneBooking.Storage.Sqlite.SqliteDatabase>();
        var key = ApiCalls.NewKey();
        using (await database.EnterWriterAsync(CancellationToken.None))
        {
            var response = await Client.PostAsync("/v1/booking-requests", ApiCalls.BookingRequest(), key);

            await response.ProblemAsync(HttpStatusCode.ServiceUnavailable, "unavailable");
            Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        }

        Assert.Equal(1, (await Client.SubmitAsync(key: key)).QueuePosition); // the retry with the same key goes through
    }
}
