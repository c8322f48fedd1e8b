namespace PhoneBooking.SchedulingApi.Idempotency;

/// <summary>The first response to a key, kept so a retry gets it back byte for byte.</summary>
public sealed record IdempotencyRecord(
    string Scope,
    string Key,
    string Fingerprint,
    int StatusCode,
    string? ContentType,
    string? Location,
    byte[] Body,
    DateTimeOffset CreatedAt);

public interface IIdempotencyStore
{
    Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken cancellationToken);

    Task SaveAsync(IdempotencyRecord record, CancellationToken cancellationToken);

    Task<int> PurgeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken);
}
