using Dapper;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.AgentConsole.Audit;
using PhoneBooking.Storage.Sqlite;
using PhoneBooking.IvrHost.Voice;

namespace PhoneBooking.IvrHost.AgentConsole.Incidents;

/// <summary>The message a supervisor set, who set it and when; <see cref="Message"/> null when cleared.</summary>
public sealed record IncidentNotice(string? Message, string SetBy, DateTimeOffset SetAt);

/// <summary>
/// The incident message callers hear at the welcome, set by a supervisor in the console and kept
/// in the line's SQLite file (one row). Read on every call: the value is cached for
/// <see cref="AgentConsoleOptions.IncidentCacheTtl"/>, after which the next call reads the row again,
/// so a message set on one instance reaches callers of every instance within that time. Until a
/// supervisor has ever set or cleared it, <c>Line:IncidentMessage</c> from configuration applies.
/// </summary>
public sealed partial class StoredIncidentBoard(
    SqliteDatabase database,
    ConfiguredIncidentBoard configured,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<AgentConsoleOptions> options,
    ILogger<StoredIncidentBoard> logger) : IIncidentBoard
{
    public const int MaxLength = 300;

    private Cached? _cached;

    public string? Current => Notice is { } notice ? notice.Message : configured.Current;

    /// <summary>The stored notice (null until a supervisor first sets or clears it), at most one TTL old.</summary>
    public IncidentNotice? Notice
    {
        get
        {
            var cached = _cached;
            if (cached is null || clock.GetUtcNow() - cached.ReadAt >= options.Value.IncidentCacheTtl)
            {
                cached = Reload(cached);
            }

            return cached.Notice;
        }
    }

    /// <summary>Sets the message (null or blank clears it), for every instance, and audits who did it.</summary>
    public async Task SetAsync(string? message, string supervisor, CancellationToken cancellationToken)
    {
        var notice = new IncidentNotice(string.IsNullOrWhiteSpace(message) ? null : message.Trim(), supervisor, clock.GetUtcNow());
        await database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO incident_notice (id, message, set_by, set_at) VALUES (1, @Message, @SetBy, @at)
                ON CONFLICT (id) DO UPDATE SET message = excluded.message, set_by = excluded.set_by, set_at = excluded.set_at
                """,
                new { notice.Message, notice.SetBy, at = notice.SetAt.ToUnixTimeMilliseconds() },
                cancellationToken: cancellationToken)),
            cancellationToken);
        _cached = new Cached(notice, clock.GetUtcNow());
        await audit.RecordAsync(supervisor, notice.Message is null ? AuditActions.IncidentClear : AuditActions.IncidentSet, null, AuditOutcomes.Ok, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Synchronous on purpose: the welcome is rendered synchronously, and Microsoft.Data.Sqlite does
    /// its I/O synchronously even behind the async API (one indexed row, tens of microseconds).
    /// </summary>
    private Cached Reload(Cached? previous)
    {
        try
        {
            using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
            var row = connection.QuerySingleOrDefault<Row>("SELECT message AS Message, set_by AS SetBy, set_at AS SetAt FROM incident_notice WHERE id = 1");
            var fresh = new Cached(row is null ? null : new IncidentNotice(row.Message, row.SetBy, DateTimeOffset.FromUnixTimeMilliseconds(row.SetAt)), clock.GetUtcNow());
            _cached = fresh;
            return fresh;
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            // A call must still be welcomed: keep what we knew, and try again after another TTL.
            LogReadFailed(logger, ex.SqliteErrorCode, ex);
            var kept = new Cached(previous?.Notice, clock.GetUtcNow());
            _cached = kept;
            return kept;
        }
    }

    [LoggerMessage(EventId = 2811, EventName = "IncidentReadFailed", Level = LogLevel.Warning,
        Message = "The incident message could not be read (SQLite error {SqliteErrorCode}); the last known one stays")]
    private static partial void LogReadFailed(ILogger logger, int sqliteErrorCode, Exception exception);

    private sealed record Cached(IncidentNotice? Notice, DateTimeOffset ReadAt);

    private sealed record Row(string? Message, string SetBy, long SetAt);
}
