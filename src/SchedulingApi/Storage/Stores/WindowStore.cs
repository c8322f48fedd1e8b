using System.Text;
using PhoneBooking.SchedulingApi.BookingRequests;
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

    public async Task<Window?> FindOpenAsync(Preference preference, string requestId, DateTimeOffset earliestStart, CancellationToken cancellationToken)
    {
        // Only the filters a preference sets go into the SQL, so the planner can use the partial indexes on open windows.
        var sql = new StringBuilder($"SELECT {Columns} FROM windows w WHERE remaining > 0 AND start_ms >= @From");
        if (preference.SiteId is not null)
        {
            sql.Append(" AND site_id = @SiteId");
        }

        if (preference.Date is not null)
        {
            sql.Append(" AND local_date = @Date");
        }

        if (preference.DayOfWeek is not null)
        {
            sql.Append(" AND local_day = @Day");
        }

        sql.Append(preference.PartOfDay switch
        {
            PartOfDay.Morning => " AND local_hour < 12",
            PartOfDay.Afternoon => " AND local_hour >= 12 AND local_hour < 17",
            PartOfDay.Evening => " AND local_hour >= 17",
            _ => string.Empty,
        });
        sql.Append(" AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.request_id = @RequestId AND o.window_id = w.id)");
        sql.Append(" ORDER BY start_ms, site_id LIMIT 1").Append(db.SkipLocked); // a window another matcher holds: take the next

        var row = await db.QuerySingleOrDefaultAsync<WindowRow>(
            sql.ToString(),
            new
            {
                From = DbValues.Ms(earliestStart),
                preference.SiteId,
                Date = DbValues.Text(preference.Date),
                Day = (int?)preference.DayOfWeek,
                RequestId = requestId,
            },
            cancellationToken);
        return row?.ToWindow();
    }

    public async Task<bool> AnyOpenAsync(DateTimeOffset earliestStart, CancellationToken cancellationToken) =>
        await db.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM windows WHERE remaining > 0 AND start_ms >= @From)",
            new { From = DbValues.Ms(earliestStart) },
            cancellationToken);

    public async Task<bool> TryReserveAsync(long id, CancellationToken cancellationToken) =>
        await db.ExecuteAsync("UPDATE windows SET remaining = remaining - 1 WHERE id = @id AND remaining > 0", new { id }, cancellationToken) == 1;

    public Task ReleaseAsync(long id, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE windows SET remaining = remaining + 1 WHERE id = @id AND remaining < capacity", new { id }, cancellationToken);

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
