using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.IvrHost.AgentConsole.Bookings;
using PhoneBooking.IvrHost.AgentConsole.Storage;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Callbacks;
using PhoneBooking.IvrHost.Deferred;
using PhoneBooking.IvrHost.Handoffs;
using PhoneBooking.IvrHost.Sessions;
using PhoneBooking.IvrHost.Storage;
using PhoneBooking.IvrHost.Tests.Hosting;
using PhoneBooking.Storage;

namespace PhoneBooking.IvrHost.Tests.Storage;

/// <summary>
/// A <c>sessions.db</c> written before versioned migrations (tables created by the stores, enums stored by
/// C# name, no history) is adopted at start: every feature's version 1 is exactly what that file has, and
/// version 2 rewrites the words, so callers in flight keep their handoffs, callbacks and agents' bookings.
/// </summary>
public sealed class LegacySessionsFileTests : IDisposable
{
    private static readonly PhoneBooking.Storage.Migrations.FeatureSchema[] Features =
    [
        CallSessionsServiceCollectionExtensions.Schema, CallbacksServiceCollectionExtensions.Schema, DeferredServiceCollectionExtensions.Schema,
        HandoffsServiceCollectionExtensions.Schema, AgentConsoleSchema.Schema,
    ];
    private readonly TempDirectory _data = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    [Fact]
    public async Task Start_OnAFileFromBeforeMigrations_KeepsEveryRowReadable()
    {
        await WriteLegacyFileAsync(
            """
            INSERT INTO handoffs (call_sid, id, reason, reached_from, locale, details, status, at)
            VALUES ('CA1', 'h1', 'BackendDown', 'ConfirmBirthDate', 'fr-CA', '{"preferences":[],"groupDates":[]}', 'CallbackRequested', 1000),
                   ('CA2', 'h2', 'CallerAsked', 'MainMenu', 'en-CA', '{"preferences":[],"groupDates":[]}', 'Waiting', 2000);
            INSERT INTO callbacks (id, kind, call_sid, phone, locale, request_id, handoff, next_attempt_at, created_at, updated_at)
            VALUES ('cb-1', 'Agent', 'CA1', '+14165550123', 'fr-CA', NULL, 'BackendDown', 0, 1000, 1000);
            INSERT INTO agent_bookings (handoff_id, call_sid, agent, state, idempotency_key, request_id, created_at, updated_at)
            VALUES ('h2', 'CA2', 'alice', 'Submitted', 'key-1', 'br_1', 2000, 2000);
            """);

        using var line = new IvrHostFactory(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _data.Path }, provider: StorageProvider.Sqlite);
        _ = line.CreateClient();
        var services = line.Services;

        var open = await services.GetRequiredService<IHandoffDesk>().OpenAsync(CancellationToken.None);
        Assert.Equal(
            [("CA1", HandoffReason.BackendDown, CallState.ConfirmBirthDate, HandoffStatus.CallbackRequested), ("CA2", HandoffReason.CallerAsked, CallState.MainMenu, HandoffStatus.Waiting)],
            open.Select(h => (h.CallSid, h.Reason, h.ReachedFrom, h.Status)));
        Assert.True(await services.GetRequiredService<IHandoffDesk>().ClaimAsync("CA2", "bob", CancellationToken.None));

        var callback = await services.GetRequiredService<ICallbackRequests>().GetAsync("cb-1", CancellationToken.None);
        Assert.Equal((CallbackKind.Agent, HandoffReason.BackendDown, CallbackStatus.Scheduled), (callback!.Request.Kind, callback.Request.Handoff, callback.Status));

        var booking = await services.GetRequiredService<AgentBookingStore>().GetAsync("h2", CancellationToken.None);
        Assert.Equal((AgentBookingState.Submitted, "br_1"), (booking!.Value.Booking.State, booking.Value.Booking.RequestId));

        Assert.Equal("5|4|2|2|1|1", await VersionsAsync()); // callbacks, console, deferred, handoffs, outbound, sessions
    }

    [Fact]
    public async Task Migrate_EveryCallStateAndReasonWrittenByName_ReadsBackAsItWas()
    {
        var states = Enum.GetValues<CallState>();
        var reasons = Enum.GetValues<HandoffReason>();
        var statuses = Enum.GetValues<HandoffStatus>();
        await WriteLegacyFileAsync(string.Join('\n', states.Select((state, i) =>
            $"INSERT INTO handoffs (call_sid, id, reason, reached_from, locale, details, status, at) VALUES ('CA{i}', 'h{i}', '{reasons[i % reasons.Length]}', '{state}', 'en-CA', '{{}}', '{statuses[i % statuses.Length]}', {i});")));

        using var line = new IvrHostFactory(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _data.Path }, provider: StorageProvider.Sqlite);
        _ = line.CreateClient();
        var desk = line.Services.GetRequiredService<IHandoffDesk>();

        for (var i = 0; i < states.Length; i++)
        {
            var handoff = (await desk.GetAsync($"CA{i}", CancellationToken.None))!;
            Assert.Equal((states[i], reasons[i % reasons.Length], statuses[i % statuses.Length]), (handoff.ReachedFrom, handoff.Reason, handoff.Status));
        }
    }

    /// <summary>The file as the line left it before this convention: each feature's version 1 script, no history table.</summary>
    private async Task WriteLegacyFileAsync(string rows)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data.Path, LineStorage.SqliteFileName)}");
        await connection.OpenAsync();
        foreach (var feature in Features)
        {
            await connection.ExecuteAsync(feature.ScriptsFor(StorageProvider.Sqlite)[0].Sql);
        }

        await connection.ExecuteAsync(rows);
    }

    private async Task<string> VersionsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data.Path, LineStorage.SqliteFileName)}");
        return string.Join('|', await connection.QueryAsync<long>(
            "SELECT MAX(version) FROM schema_migrations WHERE feature IN ('sessions', 'callbacks', 'deferred', 'handoffs', 'console', 'outbound') GROUP BY feature ORDER BY feature"));
    }
}
