using System.Text.Json;
using PhoneBooking.SchedulingApi.GroupVisits;
using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Storage.Stores;

internal sealed class GroupVisitStore(IStoreSession db) : IGroupVisitStore
{
    private const string Columns =
        "seq, id, reference, facility_id, resident_count, staff_count, preferred_dates, contact_phone, language, status, visit_date, created_ms";

    public Task<long> InsertAsync(GroupVisit visit, CancellationToken cancellationToken) =>
        db.ExecuteScalarAsync<long>(
            """
            INSERT INTO group_visits (id, reference, facility_id, resident_count, staff_count, preferred_dates, contact_phone, language, status, created_ms)
            VALUES (@Id, @Reference, @FacilityId, @ResidentCount, @StaffCount, @PreferredDates, @ContactPhone, @Language, @Status, @CreatedMs)
            RETURNING seq
            """,
            new
            {
                visit.Id,
                visit.Reference,
                visit.FacilityId,
                visit.ResidentCount,
                visit.StaffCount,
                PreferredDates = JsonSerializer.Serialize(visit.PreferredDates.Select(DbValues.Text)),
                visit.ContactPhone,
                visit.Language,
                Status = DbValues.Word(visit.Status),
                CreatedMs = DbValues.Ms(visit.CreatedAt),
            },
            cancellationToken);

    public async Task<GroupVisit?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM group_visits WHERE id = @id", new { id }, cancellationToken))?.ToVisit();

    public async Task<bool> ReferenceExistsAsync(string reference, CancellationToken cancellationToken) =>
        await db.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM group_visits WHERE reference = @reference)", new { reference }, cancellationToken);

    public async Task<int> GetQueuePositionAsync(long seq, CancellationToken cancellationToken) =>
        (int)await db.ExecuteScalarAsync<long>("SELECT count(*) FROM group_visits WHERE status = 'queued' AND seq <= @seq", new { seq }, cancellationToken);

    public async Task<IReadOnlyList<GroupVisit>> ListQueuedAsync(int limit, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<Row>($"SELECT {Columns} FROM group_visits WHERE status = 'queued' ORDER BY seq LIMIT @limit{db.SkipLocked}", new { limit }, cancellationToken);
        return [.. rows.Select(r => r.ToVisit())];
    }

    public async Task<bool> TryReserveTeamAsync(DateOnly date, int teamsPerDay, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(
            """
            INSERT INTO group_visit_days (visit_date, teams_booked) SELECT @date, 1 WHERE @teamsPerDay > 0
            ON CONFLICT (visit_date) DO UPDATE SET teams_booked = group_visit_days.teams_booked + 1 WHERE group_visit_days.teams_booked < @teamsPerDay
            """,
            new { date = DbValues.Text(date), teamsPerDay },
            cancellationToken) == 1;

    public Task CompleteAsync(string id, GroupVisitStatus status, DateOnly? visitDate, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "UPDATE group_visits SET status = @status, visit_date = @visitDate WHERE id = @id",
            new { id, status = DbValues.Word(status), visitDate = DbValues.Text(visitDate) },
            cancellationToken);

    private sealed class Row
    {
        public long Seq { get; init; }

        public string Id { get; init; } = "";

        public string Reference { get; init; } = "";

        public string FacilityId { get; init; } = "";

        public int ResidentCount { get; init; }

        public int StaffCount { get; init; }

        public string PreferredDates { get; init; } = "[]";

        public string ContactPhone { get; init; } = "";

        public string Language { get; init; } = "";

        public string Status { get; init; } = "";

        public string? VisitDate { get; init; }

        public long CreatedMs { get; init; }

        public GroupVisit ToVisit() => new(
            Seq,
            Id,
            Reference,
            FacilityId,
            ResidentCount,
            StaffCount,
            [.. (JsonSerializer.Deserialize<List<string>>(PreferredDates) ?? []).Select(DbValues.Date)],
            ContactPhone,
            Language,
            DbValues.Enum<GroupVisitStatus>(Status),
            DbValues.DateOrNull(VisitDate),
            DbValues.Instant(CreatedMs));
    }
}
