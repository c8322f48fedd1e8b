using System.Data;
using Dapper;
using PhoneBooking.SchedulingApi.Sites;
using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Storage.Stores;

internal sealed class WindowStore(IStoreSession db) : IWindowStore
{
    private const string Columns = "id, site_id AS SiteId, start_ms AS StartMs, end_ms AS EndMs, capacity, remaining";

    public async Task<int> AddMissingAsync(IEnumerable<NewWindow> windows, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var window in windows)
        {
            added += await db.ExecuteAsync(
                """
                INSERT INTO windows (site_id, start_ms, end_ms, local_date, local_day, local_hour, capacity, remaining)
                VALUES (@SiteId, @StartMs, @EndMs, @LocalDate, @LocalDay, @LocalHour, @Capacity, @Capacity)
                ON CONFLICT (site_id, start_ms) DO NOTHING
                """,
                new
                {
                    window.SiteId,
                    StartMs = DbValues.Ms(window.Start),
                    EndMs = DbValues.Ms(window.End),
                    LocalDate = DbValues.Text(window.LocalDate),
                    LocalDay = (int)window.LocalDay,
                    window.LocalHour,
                    window.Capacity,
                },
                cancellationToken);
        }

        return added;
    }

    public async Task<IReadOnlyList<Window>> ListAsync(DateOnly fromLocalDate, DateOnly toLocalDate, string? siteId, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<WindowRow>(
            $"SELECT {Columns} FROM windows WHERE local_date BETWEEN @From AND @To AND (@SiteId IS NULL OR site_id = @SiteId) ORDER BY start_ms, site_id",
            new { From = DbValues.Text(fromLocalDate), To = DbValues.Text(toLocalDate), SiteId = siteId },
            cancellationToken);
        return [.. rows.Select(r => r.ToWindow())];
    }

    public async Task<Window?> GetAsync(long id, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<WindowRow>($"SELECT {Columns} FROM windows WHERE id = @id", new { id }, cancellationToken))?.ToWindow();

    public async Task<IReadOnlyList<OpenWindow>> ListOpenAsync(DateTimeOffset earliestStart, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<OpenRow>(
            """
            SELECT id, site_id AS SiteId, local_date AS LocalDate, local_day AS LocalDay, local_hour AS LocalHour, remaining
            FROM windows WHERE remaining > 0 AND start_ms >= @From ORDER BY start_ms, site_id
            """,
            new { From = DbValues.Ms(earliestStart) },
            cancellationToken);
        return [.. rows.Select(r => new OpenWindow(r.Id, r.SiteId, DbValues.Date(r.LocalDate), (DayOfWeek)r.LocalDay, r.LocalHour, r.Remaining))];
    }

    public async Task<IReadOnlyDictionary<long, int>> ClaimAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var claimed = new Dictionary<long, int>(ids.Count);
        foreach (var chunk in ids.Chunk(SqlRows.PerStatement))
        {
            var parameters = new DynamicParameters();
            for (var i = 0; i < chunk.Length; i++)
            {
                parameters.Add($"Id{i}", chunk[i], DbType.Int64);
            }

            // In id order, so two instances never lock the same pair in opposite orders (they skip, but a plain UPDATE elsewhere may wait).
            var rows = await db.QueryAsync<PlacesRow>(
                $"SELECT id, remaining FROM windows WHERE id IN ({SqlRows.List(chunk.Length, "Id")}) ORDER BY id{db.SkipLocked}",
                parameters,
                cancellationToken);
            foreach (var row in rows)
            {
                claimed[row.Id] = row.Remaining;
            }
        }

        return claimed;
    }

    public async Task<int> TakeAsync(IReadOnlyDictionary<long, int> places, CancellationToken cancellationToken)
    {
        var taken = 0;
        foreach (var chunk in places.Chunk(SqlRows.PerStatement))
        {
            var parameters = new DynamicParameters();
            for (var i = 0; i < chunk.Length; i++)
            {
                parameters.Add($"Id{i}", chunk[i].Key, DbType.Int64);
                parameters.Add($"Places{i}", chunk[i].Value, DbType.Int32);
            }

            taken += await db.ExecuteAsync(
                $"""
                UPDATE windows SET remaining = remaining - taking.column2
                FROM (VALUES {SqlRows.Values(chunk.Length, "Id", "Places")}) AS taking
                WHERE windows.id = taking.column1 AND windows.remaining >= taking.column2
                """,
                parameters,
                cancellationToken);
        }

        return taken;
    }

    public Task ReleaseAsync(long id, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE windows SET remaining = remaining + 1 WHERE id = @id AND remaining < capacity", new { id }, cancellationToken);

    private sealed class PlacesRow
    {
        public long Id { get; init; }

        public int Remaining { get; init; }
    }

    private sealed class OpenRow
    {
        public long Id { get; init; }

        public string SiteId { get; init; } = "";

        public string LocalDate { get; init; } = "";

        public int LocalDay { get; init; }

        public int LocalHour { get; init; }

        public int Remaining { get; init; }
    }

    private sealed class WindowRow
    {
        public long Id { get; init; }

        public string SiteId { get; init; } = "";

        public long StartMs { get; init; }

        public long EndMs { get; init; }

        public int Capacity { get; init; }

        public int Remaining { get; init; }

        public Window ToWindow() => new(Id, SiteId, DbValues.Instant(StartMs), DbValues.Instant(EndMs), Capacity, Remaining);
    }
}
