using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Sessions;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>
/// The call flow's view of the session store: <see cref="CallSession"/> in and out as JSON,
/// with the columns the store queries on (caller key, resumable) derived here, in one place.
/// The facility PIN is never serialized (<see cref="CallSession.FacilityPin"/>).
/// </summary>
public sealed class CallSessions(ICallSessionStore store, CallerKeys callerKeys, TimeProvider clock, IOptions<LineOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <param name="Completed">Twilio said the call ended: it takes no more input and reveals nothing.</param>
    public sealed record Loaded(CallSession Session, long Version, bool Completed);

    public async Task<Loaded?> LoadAsync(string callSid, CancellationToken ct) =>
        await store.GetAsync(callSid, ct) is { } record
            ? new Loaded(Deserialize(record.Payload), record.Version, record.Status == CallSessionStatus.Completed)
            : null;

    /// <summary>Inserts (no expected version) or updates; false when another write of this call came first.</summary>
    public Task<bool> SaveAsync(CallSession session, long? expectedVersion, CancellationToken ct, bool completed = false)
    {
        var record = new CallSessionRecord(session.CallSid, Serialize(session))
        {
            CallerKey = callerKeys.For(session.CallerId),
            Resumable = IsResumable(session),
            Status = completed ? CallSessionStatus.Completed : CallSessionStatus.Active,
        };
        return expectedVersion is { } version ? store.TryUpdateAsync(record, version, ct) : store.TryInsertAsync(record, ct);
    }

    /// <summary>The CallSid of the caller's most recent unfinished call from the same number, within the resume window.</summary>
    public async Task<string?> FindResumableAsync(string callerId, CancellationToken ct)
    {
        var key = callerKeys.For(callerId);
        if (key is null)
        {
            return null;
        }

        var record = await store.FindResumableAsync(key, clock.GetUtcNow() - options.Value.ResumeWithin, ct);
        return record?.CallSid;
    }

    /// <summary>
    /// The call a returning caller wants to continue, when <paramref name="birthDate"/> is its birth date
    /// and it may still be continued; null otherwise (which of those is never said).
    /// </summary>
    public async Task<CallSession?> VerifyResumableAsync(string callSid, DateOnly birthDate, CancellationToken ct) =>
        await LoadAsync(callSid, ct) is { Session: var previous } && IsResumable(previous) && previous.BirthDate == birthDate ? previous : null;

    /// <summary>Too many wrong birth dates: the call can no longer be continued (its own status kept).</summary>
    public async Task RefuseResumeAsync(string callSid, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await LoadAsync(callSid, ct) is not { } loaded || loaded.Session.ResumeRefused
                || await SaveAsync(loaded.Session with { ResumeRefused = true }, loaded.Version, ct, loaded.Completed))
            {
                return;
            }
        }
    }

    /// <summary>Marks the call ended; true only for the status callback that ended it (Twilio may send it again).</summary>
    public Task<bool> CompleteAsync(string callSid, CancellationToken ct) => store.MarkCompletedAsync(callSid, ct);

    /// <summary>A request in the queue or an offer open, not booked yet, and not refused after wrong birth dates.</summary>
    internal static bool IsResumable(CallSession s) => s.RequestId is not null && s.Booking is null && !s.ResumeRefused;

    /// <summary>Exactly what the store receives (tests read it: no PIN, ever).</summary>
    internal static string Serialize(CallSession session) => JsonSerializer.Serialize(session, Json);

    private static CallSession Deserialize(string payload) =>
        JsonSerializer.Deserialize<CallSession>(payload, Json) ?? throw new JsonException("A stored call session is empty.");
}
