using PhoneBooking.SchedulingApi.Facilities;
using PhoneBooking.Storage;

namespace PhoneBooking.SchedulingApi.Storage.Stores;

internal sealed class FacilityStore(IStoreSession db) : IFacilityStore
{
    private const string Columns = "id, code, name, spoken_name AS SpokenName, pin_hash AS PinHash";

    public Task<Facility?> GetByCodeAsync(string code, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<Facility>($"SELECT {Columns} FROM facilities WHERE code = @code", new { code }, cancellationToken);

    public Task<Facility?> GetAsync(string id, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<Facility>($"SELECT {Columns} FROM facilities WHERE id = @id", new { id }, cancellationToken);

    public async Task<bool> AddIfMissingAsync(Facility facility, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(
            "INSERT INTO facilities (id, code, name, spoken_name, pin_hash) VALUES (@Id, @Code, @Name, @SpokenName, @PinHash) ON CONFLICT (code) DO NOTHING",
            facility,
            cancellationToken) == 1;

    /// <summary>Holds the code until the transaction ends: two wrong PINs at once on two instances count as two.</summary>
    public async Task<SignInFailures> GetSignInFailuresAsync(string code, CancellationToken cancellationToken)
    {
        await db.LockAsync($"facility-sign-in:{code}", cancellationToken);
        var row = await db.QuerySingleOrDefaultAsync<Row>(
            "SELECT failed_attempts, locked_until_ms FROM facility_sign_in_failures WHERE code = @code",
            new { code },
            cancellationToken);
        return row is null ? SignInFailures.None : new SignInFailures(row.FailedAttempts, DbValues.Instant(row.LockedUntilMs));
    }

    public Task SaveSignInFailuresAsync(string code, SignInFailures failures, CancellationToken cancellationToken) =>
        failures.FailedAttempts == 0 && failures.LockedUntil is null
            ? db.ExecuteAsync("DELETE FROM facility_sign_in_failures WHERE code = @code", new { code }, cancellationToken)
            : db.ExecuteAsync(
                """
                INSERT INTO facility_sign_in_failures (code, failed_attempts, locked_until_ms) VALUES (@code, @attempts, @lockedUntil)
                ON CONFLICT (code) DO UPDATE SET failed_attempts = excluded.failed_attempts, locked_until_ms = excluded.locked_until_ms
                """,
                new { code, attempts = failures.FailedAttempts, lockedUntil = DbValues.Ms(failures.LockedUntil) },
                cancellationToken);

    private sealed class Row
    {
        public int FailedAttempts { get; init; }

        public long? LockedUntilMs { get; init; }
    }
}
