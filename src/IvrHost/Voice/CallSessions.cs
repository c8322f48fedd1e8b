using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.CallFlow;
using PhoneBooking.IvrHost.Sessions;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>
/// The call flow's view of the session store: <see cref="CallSession"/> in and out as JSON,
/// with the columns the store queries on (caller key, resumable) derived here, in one place.
/// </summary>
public sealed class CallSessions(ICallSessionStore store, CallerKeys callerKeys, TimeProvider clock, IOptions<LineOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record Loaded(CallSession Session, long Version);

    public async Task<Loaded?> LoadAsync(string callSid, CancellationToken ct) =>
        await store.GetAsync(callSid, ct) is { } record ? new Loaded(Deserialize(record.Payload), record.Version) : null;

    /// <summary>Inserts (no expected version) or updates; false when another write of this call came first.</summary>
    public Task<bool> SaveAsync(CallSession session, long? expectedVersion, CancellationToken ct)
    {
        var record = new CallSessionRecord(session.CallSid, JsonSerializer.Serialize(session, Json))
        {
            CallerKey = callerKeys.For(session.CallerId),
            Resumable = IsResumable(session),
        };
        return expectedVersion is { } version ? store.TryUpdateAsync(record, version, ct) : store.TryInsertAsync(record, ct);
    }

    /// <summary>The caller's most recent unfinished call from the same number, within the resume window.</summary>
    public async Task<CallSession?> FindResumableAsync(string callerId, CancellationToken ct)
    {
        var key = callerKeys.For(callerId);
        if (key is null)
        {
            return null;
        }

        var record = await store.FindResumableAsync(key, clock.GetUtcNow() - options.Value.ResumeWithin, ct);
        return record is null ? null : Deserialize(record.Payload);
    }

    public Task CompleteAsync(string callSid, CancellationToken ct) => store.MarkCompletedAsync(callSid, ct);

    /// <summary>A new call from a returning caller carries what the last call collected, nothing asked twice.</summary>
    public static CallSession Resume(CallSession fresh, CallSession previous) => fresh with
    {
        ResumableCallSid = previous.CallSid,
        Locale = previous.Locale,
        SlowSpeech = previous.SlowSpeech,
        Person = previous.Person,
        BirthDate = previous.BirthDate,
        Preferences = previous.Preferences,
        CallbackNumber = previous.CallbackNumber,
        RequestId = previous.RequestId,
    };

    /// <summary>A request in the queue or an offer open, and not booked yet.</summary>
    internal static bool IsResumable(CallSession s) => s.RequestId is not null && s.Booking is null;

    private static CallSession Deserialize(string payload) =>
        JsonSerializer.Deserialize<CallSession>(payload, Json) ?? throw new JsonException("A stored call session is empty.");
}
