using Dapper;
using Microsoft.Data.Sqlite;
using PhoneBooking.SchedulingApi.Storage;
using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Tests.Storage;

/// <summary>
/// A <c>scheduling.db</c> from before versioned migrations (<c>PRAGMA user_version = 1</c>, enums stored by
/// C# name, queue counts kept by triggers naming 'Queued') is adopted at start and rewritten to the
/// convention's words without moving anyone in the queue.
/// </summary>
public sealed class LegacySchedulingFileTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("scheduling-legacy-").FullName;
    private TestApi _api = null!;

    public async Task InitializeAsync()
    {
        var start = TestSettings.Start.ToUnixTimeMilliseconds();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_data, SchedulingStorage.SqliteFileName)}"))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync(SchedulingStorage.Schema.ScriptsFor(StorageProvider.Sqlite)[0].Sql + "PRAGMA user_version = 1;");
            await connection.ExecuteAsync(
                $"""
                INSERT INTO sites (id, name, spoken_name, address, time_zone) VALUES ('north', 'North Clinic', 'North Clinic', '1 North Street', 'America/Toronto');
                INSERT INTO windows (id, site_id, start_ms, end_ms, local_date, local_day, local_hour, capacity, remaining)
                VALUES (999, 'north', {start - 86_400_000}, {start - 82_800_000}, '2026-11-22', 0, 9, 12, 11);
                INSERT INTO booking_requests (id, status, channel, hold_start, language, birth_date, contact_phone, preferences, cohort, offers_made, current_offer_id, created_ms, updated_ms)
                VALUES ('br_offered', 'Offered', 'Phone', 'OnDelivery', 'en-CA', '1950-03-23', '+14165550123', '[]', 'seniors', 1, 'of_old', {start - 7_200_000}, {start - 7_200_000}),
                       ('br_queued', 'Queued', 'Web', 'OnOffer', 'en-CA', '1950-03-23', '+14165550123', '[]', 'seniors', 0, NULL, {start - 3_600_000}, {start - 3_600_000}),
                       ('br_waiting', 'AwaitingEligibility', 'Agent', 'OnDelivery', 'en-CA', '1980-06-15', '+14165550123', '[]', 'adults', 0, NULL, {start - 3_600_000}, {start - 3_600_000});
                INSERT INTO offers (id, request_id, window_id, status, offered_ms, expires_ms) VALUES ('of_old', 'br_offered', 999, 'Pending', {start - 7_200_000}, {start - 60_000});
                """);
        }

        _api = await TestApi.StartAsync(settings => settings["Storage:DataDirectory"] = _data);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Start_OnAVersionOneFile_StatusesQueueAndOffersCarryOver()
    {
        var queued = await _api.Client.StatusAsync("br_queued");
        Assert.Equal((RequestStatus.Queued, Channel.Web, 1), (queued.Status, queued.Channel, queued.QueuePosition));
        Assert.Equal(RequestStatus.AwaitingEligibility, (await _api.Client.StatusAsync("br_waiting")).Status);
        Assert.Equal(RequestStatus.Offered, (await _api.Client.StatusAsync("br_offered")).Status);

        var pass = await _api.MatchAsync();

        Assert.Equal(1, pass.OffersExpired); // the legacy 'Pending' offer is found by the rewritten partial index's query
        Assert.Equal(2, pass.OffersMade);    // br_queued, then br_offered back in the queue behind it
        Assert.Equal(RequestStatus.Offered, (await _api.Client.StatusAsync("br_queued")).Status);
    }

    [Fact]
    public async Task Start_OnAVersionOneFile_RecordsEveryVersion()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, SchedulingStorage.SqliteFileName)};Mode=ReadOnly");
        var versions = await connection.QueryAsync<string>("SELECT version || ' ' || name FROM schema_migrations WHERE feature = 'scheduling' ORDER BY version");

        Assert.Equal(["1 initial", "2 snake_case_enums", "3 trust_boundaries"], versions);
    }
}
