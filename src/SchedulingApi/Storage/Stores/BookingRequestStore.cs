using System.Data;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using PhoneBooking.SchedulingApi.BookingRequests;
using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Storage.Stores;

internal sealed class BookingRequestStore(IStoreSession db) : IBookingRequestStore
{
    private const string Columns =
        "seq, id, status, channel, hold_start, language, birth_date, name, health_card_number, postal_code, contact_phone, " +
        "preferences, cohort, eligible_from, offers_made, current_offer_id, confirmation_code, created_ms";

    private static readonly JsonSerializerOptions PreferenceJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public Task<long> InsertAsync(BookingRequest request, CancellationToken cancellationToken) =>
        db.ExecuteScalarAsync<long>(
            """
            INSERT INTO booking_requests (id, status, channel, hold_start, language, birth_date, name, health_card_number, postal_code,
                contact_phone, preferences, cohort, eligible_from, offers_made, created_ms, updated_ms)
            VALUES (@Id, @Status, @Channel, @HoldStart, @Language, @BirthDate, @Name, @HealthCardNumber, @PostalCode,
                @ContactPhone, @Preferences, @Cohort, @EligibleFrom, 0, @CreatedMs, @CreatedMs)
            RETURNING seq
            """,
            new
            {
                request.Id,
                Status = DbValues.Word(request.Status),
                Channel = DbValues.Word(request.Channel),
                HoldStart = DbValues.Word(request.HoldStart),
                request.Language,
                BirthDate = DbValues.Text(request.BirthDate),
                request.Name,
                request.HealthCardNumber,
                request.PostalCode,
                request.ContactPhone,
                Preferences = JsonSerializer.Serialize(request.Preferences, PreferenceJson),
                request.Cohort,
                EligibleFrom = DbValues.Text(request.EligibleFrom),
                CreatedMs = DbValues.Ms(request.CreatedAt),
            },
            cancellationToken);

    public async Task<BookingRequest?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM booking_requests WHERE id = @id", new { id }, cancellationToken))?.ToRequest();

    public async Task<int> CountQueuedAsync(CancellationToken cancellationToken) =>
        (int)await db.ExecuteScalarAsync<long>("SELECT coalesce(sum(queued), 0) FROM queue_blocks", null, cancellationToken);

    public async Task<QueueDepth> QueueDepthAsync(CancellationToken cancellationToken)
    {
        var queued = await CountQueuedAsync(cancellationToken);
        var awaiting = await db.ExecuteScalarAsync<long>("SELECT count(*) FROM booking_requests WHERE status = 'awaiting_eligibility'", null, cancellationToken);
        var oldest = await db.ExecuteScalarAsync<long?>(
            "SELECT created_ms FROM booking_requests WHERE status = 'queued' ORDER BY seq LIMIT 1", null, cancellationToken);
        return new QueueDepth(queued, (int)awaiting, oldest is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);
    }

    public async Task<int> GetQueuePositionAsync(long seq, CancellationToken cancellationToken) =>
        (int)await db.ExecuteScalarAsync<long>(
            """
            SELECT (SELECT coalesce(sum(queued), 0) FROM queue_blocks WHERE block < (@seq >> 10))
                 + (SELECT count(*) FROM booking_requests WHERE status = 'queued' AND seq >= ((@seq >> 10) << 10) AND seq <= @seq)
            """,
            new { seq },
            cancellationToken);

    public async Task<IReadOnlyList<BookingRequest>> ListQueuedAsync(long afterSeq, int limit, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<Row>(
            $"SELECT {Columns} FROM booking_requests WHERE status = 'queued' AND seq > @afterSeq ORDER BY seq LIMIT @limit{db.SkipLocked}",
            new { afterSeq, limit },
            cancellationToken);
        return [.. rows.Select(r => r.ToRequest())];
    }

    public async Task<int> MarkOfferedAsync(IReadOnlyCollection<(string RequestId, string OfferId)> offers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var marked = 0;
        foreach (var chunk in offers.Chunk(SqlRows.PerStatement))
        {
            var parameters = new DynamicParameters();
            parameters.Add("Now", DbValues.Ms(now), DbType.Int64);
            for (var i = 0; i < chunk.Length; i++)
            {
                parameters.Add($"Id{i}", chunk[i].RequestId, DbType.String);
                parameters.Add($"OfferId{i}", chunk[i].OfferId, DbType.String);
            }

            marked += await db.ExecuteAsync(
                $"""
                UPDATE booking_requests SET status = 'offered', offers_made = offers_made + 1, current_offer_id = made.column2, updated_ms = @Now
                FROM (VALUES {SqlRows.Values(chunk.Length, "Id", "OfferId")}) AS made
                WHERE booking_requests.id = made.column1 AND booking_requests.status = 'queued'
                """,
                parameters,
                cancellationToken);
        }

        return marked;
    }

    public Task ReturnFromOfferAsync(string id, RequestStatus status, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "UPDATE booking_requests SET status = @status, updated_ms = @now WHERE id = @id AND status = 'offered'",
            new { id, status = DbValues.Word(status), now = DbValues.Ms(now) },
            cancellationToken);

    public Task MarkBookedAsync(string id, string confirmationCode, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "UPDATE booking_requests SET status = 'booked', confirmation_code = @confirmationCode, updated_ms = @now WHERE id = @id",
            new { id, confirmationCode, now = DbValues.Ms(now) },
            cancellationToken);

    public Task MarkCancelledAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "UPDATE booking_requests SET status = 'cancelled', updated_ms = @now WHERE id = @id",
            new { id, now = DbValues.Ms(now) },
            cancellationToken);

    public async Task<IReadOnlyList<BookingRequest>> PromoteEligibleAsync(DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<Row>(
            $"""
            UPDATE booking_requests SET status = 'queued', updated_ms = @now
            WHERE status = 'awaiting_eligibility' AND eligible_from IS NOT NULL AND eligible_from <= @today
            RETURNING {Columns}
            """,
            new { today = DbValues.Text(today), now = DbValues.Ms(now) },
            cancellationToken);
        return [.. rows.Select(r => r.ToRequest()).OrderBy(r => r.Seq)];
    }

    public Task<int> UpdateEligibleFromAsync(string cohort, DateOnly? opensOn, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "UPDATE booking_requests SET eligible_from = @opensOn WHERE status = 'awaiting_eligibility' AND cohort = @cohort AND eligible_from IS DISTINCT FROM @opensOn",
            new { cohort, opensOn = DbValues.Text(opensOn) },
            cancellationToken);

    private sealed class Row
    {
        public long Seq { get; init; }

        public string Id { get; init; } = "";

        public string Status { get; init; } = "";

        public string Channel { get; init; } = "";

        public string HoldStart { get; init; } = "";

        public string Language { get; init; } = "";

        public string BirthDate { get; init; } = "";

        public string? Name { get; init; }

        public string? HealthCardNumber { get; init; }

        public string? PostalCode { get; init; }

        public string ContactPhone { get; init; } = "";

        public string Preferences { get; init; } = "[]";

        public string Cohort { get; init; } = "";

        public string? EligibleFrom { get; init; }

        public int OffersMade { get; init; }

        public string? CurrentOfferId { get; init; }

        public string? ConfirmationCode { get; init; }

        public long CreatedMs { get; init; }

        public BookingRequest ToRequest() => new(
            Seq,
            Id,
            DbValues.Enum<RequestStatus>(Status),
            DbValues.Enum<Channel>(Channel),
            DbValues.Enum<HoldStart>(HoldStart),
            Language,
            DbValues.Date(BirthDate),
            Name,
            HealthCardNumber,
            PostalCode,
            ContactPhone,
            JsonSerializer.Deserialize<List<Preference>>(Preferences, PreferenceJson) ?? [],
            Cohort,
            DbValues.DateOrNull(EligibleFrom),
            OffersMade,
            CurrentOfferId,
            ConfirmationCode,
            DbValues.Instant(CreatedMs));
    }
}
