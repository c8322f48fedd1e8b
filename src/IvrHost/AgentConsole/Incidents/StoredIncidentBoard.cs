using Dapper;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.AgentConsole.Audit;
using PhoneBooking.Storage;
using PhoneBooking.IvrHost.Voice;

namespace PhoneBooking.IvrHost.AgentConsole.Incidents;

/// <summary>The message a supervisor set, who set it and when; <see cref="Message"/> null when cleared.</summary>
public sealed record IncidentNotice(string? Message, string SetBy, DateTimeOffset SetAt);

/// <summary>
/// The incident message callers hear at the welcome, set by a supervisor in the console and kept
/// in the line's database (one row). Read on every call: the value is cached for
/// <see cref="AgentConsoleOptions.IncidentCacheTtl"/>, after which the next call reads the row again,
/// so a message set on one instance reaches callers of every instance within that time. Until a
/// supervisor has ever set or cleared it, <c>Line:IncidentMessage</c> from configuration applies.
/// </summary>
public sealed partial class StoredIncidentBoard(
    IDatabase database,
    ConfiguredIncidentBoard configured,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<AgentConsoleOptions> options,
    ILogger<StoredIncidentBoard> logger) : IIncidentBoard
{
    public const int MaxLength = 300;

    /// <summary>How long the welcome waits for the row: past it (a database far away or gone) the call goes on with what was known.</summary>
    private static readonly TimeSpan ReadWait = TimeSpan.FromMilliseconds(500);

    private readonly Lock _gate = new();
    private Cached? _cached;
    private Task<Cached>? _reading;

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
    /// Synchronous for the caller, because the welcome is rendered synchronously; but bounded: one read at a
    /// time, waited for at most <see cref="ReadWait"/> (SQLite answers in microseconds; PostgreSQL in a
    /// millisecond when it is there). A read that fails, or is still going, leaves what was known in place
    /// for another TTL; a slow read still lands in the cache when it completes.
    /// </summary>
    private Cached Reload(Cached? previous)
    {
        Task<Cached> reading;
        lock (_gate)
        {
            if (_reading is null || _reading.IsCompleted)
            {
                _reading = ReadAsync();
            }

            reading = _reading;
        }

        try
        {
            if (reading.Wait(ReadWait))
            {
                return reading.Result;
            }
        }
        catch (AggregateException ex) when (ex.InnerException is { } failure && StorageErrors.IsUnavailable(failure))
        {
            LogReadFailed(logger, failure);
        }

        var kept = new Cached(previous?.Notice, clock.GetUtcNow());
        _cached = kept;
        return kept;
    }

    private async Task<Cached> ReadAsync()
    {
        var row = await database.ReadAsync(
            connection => connection.QuerySingleOrDefaultAsync<Row>("SELECT message AS Message, set_by AS SetBy, set_at AS SetAt FROM incident_notice WHERE id = 1"),
            CancellationToken.None);
        var fresh = new Cached(row is null ? null : new IncidentNotice(row.Message, row.SetBy, DateTimeOffset.FromUnixTimeMilliseconds(row.SetAt)), clock.GetUtcNow());
        _cached = fresh;
        return fresh;
    }

    [LoggerMessage(EventId = 2811, EventName = "IncidentReadFailed", Level = LogLevel.Warning,
        Message = "The incident message could not be read; the last known one stays")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);

    private sealed record Cached(IncidentNotice? Notice, DateTimeOffset ReadAt);

    private sealed record Row(string? Message, string SetBy, long SetAt);
}
