using System.Globalization;
using Dapper;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Callbacks.Storage;
using PhoneBooking.IvrHost.Sessions;
using PhoneBooking.IvrHost.Voice;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Encryption;

namespace PhoneBooking.IvrHost.Callbacks;

/// <summary>
/// Callback promises in the line's database, next to the call sessions: saved in the same webhook
/// that says "we will call you", once per id however often the webhook is replayed (on any instance).
/// A reminder is due from the start of its day in the line's time zone (calling hours apply on top).
/// The number is stored encrypted, bound to its callback, with a keyed hash beside it for counting.
/// </summary>
internal sealed class CallbackRequests(IDatabase database, DataCipher cipher, CallerKeys keys, TimeProvider clock, IOptions<LineOptions> line) : ICallbackRequests
{
    private const string Columns =
        """
        c.id AS Id, c.kind AS Kind, c.call_sid AS CallSid, c.phone AS Phone, c.locale AS Locale, c.request_id AS RequestId,
        c.due_on AS DueOn, c.handoff AS Handoff, c.state AS State, c.next_attempt_at AS NextAttemptAt, c.outcome AS Outcome,
        c.created_at AS CreatedAt, o.status AS OfferStatus
        """;

    private const string AttemptSelect =
        """
        SELECT callback_id AS CallbackId, number AS Number, state AS State, call_sid AS CallSid, answered_by AS AnsweredBy,
               route AS Route, error AS Error, created_at AS CreatedAt, updated_at AS UpdatedAt
        FROM callback_attempts
        """;

    private static readonly string OfferKind = DbValues.Word(CallbackKind.Offer);

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(line.Value.TimeZone);

    /// <summary>Where a callback's number is kept: its ciphertext decrypts only as that callback's.</summary>
    internal static string PhoneContext(string callbackId) => $"callbacks.phone/{callbackId}";

    /// <summary>The keyed hash dials to one number are counted by.</summary>
    internal static string PhoneKey(CallerKeys keys, string phone) => keys.Keyed("callback-phone", phone);

    public async Task<Saved> SaveAsync(CallbackRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var due = request.DueOn is { } day
            ? TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), _zone)
            : clock.GetUtcNow().UtcDateTime;
        var row = new
        {
            request.Id,
            Kind = DbValues.Word(request.Kind),
            request.CallSid,
            Phone = cipher.Encrypt(request.Phone, PhoneContext(request.Id)),
            PhoneKey = PhoneKey(keys, request.Phone),
            request.Locale,
            request.RequestId,
            DueOn = request.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Handoff = DbValues.Word(request.Handoff),
            Due = new DateTimeOffset(due).ToUnixTimeMilliseconds(),
            Now = now,
        };
        await database.InTransactionAsync(
            async (connection, transaction) =>
            {
                // One request, one offer callback: a second promise (the caller rang again and asked again) updates the
                // first. Held per request, so two instances saving promises for one request at once merge too.
                var first = request.Kind == CallbackKind.Offer ? await FirstOfferCallbackAsync(connection, transaction, request, cancellationToken) : null;
                if (first is not null)
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE callbacks SET phone = @Phone, phone_key = @PhoneKey, locale = @Locale, updated_at = @Now WHERE id = @Id",
                        new { Id = first, Phone = cipher.Encrypt(request.Phone, PhoneContext(first)), row.PhoneKey, row.Locale, row.Now },
                        transaction,
                        cancellationToken: cancellationToken));
                }
                else
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        """
                        INSERT INTO callbacks (id, kind, call_sid, phone, phone_key, locale, request_id, due_on, handoff, next_attempt_at, created_at, updated_at)
                        VALUES (@Id, @Kind, @CallSid, @Phone, @PhoneKey, @Locale, @RequestId, @DueOn, @Handoff, @Due, @Now, @Now)
                        ON CONFLICT (id) DO NOTHING
                        """,
                        row,
                        transaction,
                        cancellationToken: cancellationToken));
                }

                return 0;
            },
            cancellationToken);
        return new Saved();
    }

    public async Task<IReadOnlyList<CallbackRecord>> ListAsync(CallbackFilter filter, int limit, CancellationToken cancellationToken)
    {
        var (where, order) = filter switch
        {
            CallbackFilter.Open => ($"c.state NOT IN {CallbackStates.Finished}", "c.next_attempt_at, c.created_at"),
            CallbackFilter.Finished => ($"c.state IN {CallbackStates.Finished} AND c.state <> 'refused'", "c.updated_at DESC"),
            CallbackFilter.Refused => ("c.state = 'refused'", "c.updated_at DESC"),
            _ => ("1 = 1", "c.created_at DESC"),
        };
        return await database.ReadAsync(
            async connection =>
            {
                var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
                    $"SELECT {Columns} FROM callbacks c LEFT JOIN callback_offers o ON o.request_id = c.request_id WHERE {where} ORDER BY {order} LIMIT @Limit",
                    new { Limit = Math.Clamp(limit, 1, 1000) },
                    cancellationToken: cancellationToken))).ToList();
                var attempts = (await connection.QueryAsync<AttemptRow>(new CommandDefinition(
                    $"{AttemptSelect} WHERE {database.Sql.InList("callback_id", "Ids")} ORDER BY number",
                    new { Ids = rows.Select(r => r.Id).ToList() },
                    cancellationToken: cancellationToken))).ToLookup(a => a.CallbackId);
                return (IReadOnlyList<CallbackRecord>)[.. rows.Select(r => r.ToRecord(cipher, attempts[r.Id]))];
            },
            cancellationToken);
    }

    public Task<CallbackRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
                    $"SELECT {Columns} FROM callbacks c LEFT JOIN callback_offers o ON o.request_id = c.request_id WHERE c.id = @Id",
                    new { Id = id },
                    cancellationToken: cancellationToken));
                if (row is null)
                {
                    return null;
                }

                var attempts = await connection.QueryAsync<AttemptRow>(new CommandDefinition(
                    $"{AttemptSelect} WHERE callback_id = @Id ORDER BY number",
                    new { Id = id },
                    cancellationToken: cancellationToken));
                return row.ToRecord(cipher, attempts);
            },
            cancellationToken);

    /// <summary>The request's offer callback still to be made, other than this one: locked (per request) until the transaction ends.</summary>
    private async Task<string?> FirstOfferCallbackAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, CallbackRequest request, CancellationToken cancellationToken)
    {
        await database.LockAsync(connection, transaction, $"callback-offer:{request.RequestId}", cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<string?>(new CommandDefinition(
            $"SELECT id FROM callbacks WHERE kind = 'offer' AND request_id = @RequestId AND id <> @Id AND state NOT IN {CallbackStates.Finished} ORDER BY created_at",
            new { request.RequestId, request.Id },
            transaction,
            cancellationToken: cancellationToken));
    }

    private sealed record Row(
        string Id, string Kind, string CallSid, string Phone, string Locale, string? RequestId, string? DueOn, string? Handoff,
        string State, long NextAttemptAt, string? Outcome, long CreatedAt, string? OfferStatus)
    {
        public CallbackRecord ToRecord(DataCipher cipher, IEnumerable<AttemptRow> attempts) => new(
            new CallbackRequest(
                Id, DbValues.Enum<CallbackKind>(Kind), CallSid, cipher.Decrypt(Phone, PhoneContext(Id)), Locale, RequestId,
                DueOn is null ? null : DateOnly.ParseExact(DueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                DbValues.EnumOrNull<HandoffReason>(Handoff)),
            Status(),
            DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
            DateTimeOffset.FromUnixTimeMilliseconds(NextAttemptAt),
            Outcome,
            [.. attempts.Select(a => a.ToAttempt())]);

        private CallbackStatus Status() => State switch
        {
            "open" when Kind == OfferKind && OfferStatus != "made" => CallbackStatus.WaitingForOffer,
            "open" => CallbackStatus.Scheduled,
            "claimed" => CallbackStatus.Dialling,
            "calling" => CallbackStatus.Calling,
            "notify" => CallbackStatus.Notifying,
            "answered" => CallbackStatus.Answered,
            "voicemail" => CallbackStatus.Voicemail,
            "gave-up" => CallbackStatus.GaveUp,
            "refused" => CallbackStatus.Refused,
            _ => CallbackStatus.Closed,
        };
    }

    private sealed record AttemptRow(
        string CallbackId, long Number, string State, string? CallSid, string? AnsweredBy, string? Route, string? Error, long CreatedAt, long UpdatedAt)
    {
        public CallbackAttempt ToAttempt() => new(
            (int)Number, State, CallSid, AnsweredBy, Route, Error,
            DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt), DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt));
    }
}
