using Dapper;
using Microsoft.Data.Sqlite;

namespace PhoneBooking.SchedulingApi.Storage.Sqlite;

/// <summary>
/// Ordered schema migrations, applied at start inside one transaction; <c>PRAGMA user_version</c>
/// records the last one applied. Add a migration at the end; never edit a shipped one.
/// Instants are Unix milliseconds (UTC), dates are yyyy-MM-dd text, enums their C# names.
/// </summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE sites (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            spoken_name TEXT NOT NULL,
            address TEXT NOT NULL,
            time_zone TEXT NOT NULL
        );

        -- One-hour windows. remaining = capacity - pending offers - confirmed bookings; the CHECK is the
        -- last line against overbooking, the conditional UPDATE in SqliteWindowStore the first.
        CREATE TABLE windows (
            id INTEGER PRIMARY KEY,
            site_id TEXT NOT NULL REFERENCES sites (id),
            start_ms INTEGER NOT NULL,
            end_ms INTEGER NOT NULL,
            local_date TEXT NOT NULL,
            local_day INTEGER NOT NULL,
            local_hour INTEGER NOT NULL,
            capacity INTEGER NOT NULL CHECK (capacity >= 0),
            remaining INTEGER NOT NULL CHECK (remaining >= 0 AND remaining <= capacity),
            UNIQUE (site_id, start_ms)
        );
        CREATE INDEX ix_windows_open ON windows (start_ms) WHERE remaining > 0;
        CREATE INDEX ix_windows_open_by_date ON windows (local_date, start_ms) WHERE remaining > 0;
        CREATE INDEX ix_windows_by_date ON windows (local_date, site_id);

        CREATE TABLE booking_requests (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            status TEXT NOT NULL,
            channel TEXT NOT NULL,
            hold_start TEXT NOT NULL,
            language TEXT NOT NULL,
            birth_date TEXT NOT NULL,
            name TEXT,
            health_card_number TEXT,
            postal_code TEXT,
            contact_phone TEXT NOT NULL,
            preferences TEXT NOT NULL,
            cohort TEXT NOT NULL,
            eligible_from TEXT,
            offers_made INTEGER NOT NULL DEFAULT 0,
            current_offer_id TEXT,
            confirmation_code TEXT,
            created_ms INTEGER NOT NULL,
            updated_ms INTEGER NOT NULL
        );
        CREATE INDEX ix_requests_queued ON booking_requests (seq) WHERE status = 'Queued';
        CREATE INDEX ix_requests_awaiting ON booking_requests (eligible_from) WHERE status = 'AwaitingEligibility';

        -- Queued requests counted per block of 1024 arrival numbers, kept by triggers: a queue position is
        -- the sum of the blocks before one's own plus a count inside it, not a count of the whole queue.
        CREATE TABLE queue_blocks (block INTEGER PRIMARY KEY, queued INTEGER NOT NULL);
        CREATE TRIGGER tr_requests_insert_queued AFTER INSERT ON booking_requests WHEN NEW.status = 'Queued'
        BEGIN
            INSERT INTO queue_blocks (block, queued) VALUES (NEW.seq >> 10, 1)
            ON CONFLICT (block) DO UPDATE SET queued = queued + 1;
        END;
        CREATE TRIGGER tr_requests_leave_queue AFTER UPDATE OF status ON booking_requests
            WHEN OLD.status = 'Queued' AND NEW.status <> 'Queued'
        BEGIN
            UPDATE queue_blocks SET queued = queued - 1 WHERE block = OLD.seq >> 10;
        END;
        CREATE TRIGGER tr_requests_join_queue AFTER UPDATE OF status ON booking_requests
            WHEN OLD.status <> 'Queued' AND NEW.status = 'Queued'
        BEGIN
            INSERT INTO queue_blocks (block, queued) VALUES (NEW.seq >> 10, 1)
            ON CONFLICT (block) DO UPDATE SET queued = queued + 1;
        END;

        CREATE TABLE offers (
            id TEXT PRIMARY KEY,
            request_id TEXT NOT NULL REFERENCES booking_requests (id),
            window_id INTEGER NOT NULL REFERENCES windows (id),
            status TEXT NOT NULL,
            offered_ms INTEGER NOT NULL,
            hold_started_ms INTEGER,
            expires_ms INTEGER NOT NULL,
            decided_ms INTEGER
        );
        CREATE INDEX ix_offers_request ON offers (request_id, window_id);
        CREATE INDEX ix_offers_pending_expiry ON offers (expires_ms) WHERE status = 'Pending';

        CREATE TABLE bookings (
            confirmation_code TEXT PRIMARY KEY,
            request_id TEXT NOT NULL UNIQUE REFERENCES booking_requests (id),
            offer_id TEXT NOT NULL UNIQUE REFERENCES offers (id),
            window_id INTEGER NOT NULL REFERENCES windows (id),
            birth_date TEXT NOT NULL,
            status TEXT NOT NULL,
            created_ms INTEGER NOT NULL,
            cancelled_ms INTEGER
        );

        CREATE TABLE facilities (
            id TEXT PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            spoken_name TEXT NOT NULL,
            pin_hash TEXT NOT NULL
        );

        -- Keyed by the code as typed, known or not, so an unknown code behaves exactly like a wrong PIN.
        CREATE TABLE facility_sign_in_failures (
            code TEXT PRIMARY KEY,
            failed_attempts INTEGER NOT NULL,
            locked_until_ms INTEGER
        );

        CREATE TABLE group_visits (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            reference TEXT NOT NULL UNIQUE,
            facility_id TEXT NOT NULL REFERENCES facilities (id),
            resident_count INTEGER NOT NULL,
            staff_count INTEGER NOT NULL,
            preferred_dates TEXT NOT NULL,
            contact_phone TEXT NOT NULL,
            language TEXT NOT NULL,
            status TEXT NOT NULL,
            visit_date TEXT,
            created_ms INTEGER NOT NULL
        );
        CREATE INDEX ix_group_visits_queued ON group_visits (seq) WHERE status = 'Queued';

        CREATE TABLE group_visit_days (
            visit_date TEXT PRIMARY KEY,
            teams_booked INTEGER NOT NULL
        );

        -- AUTOINCREMENT: ids are never reused, so a consumer's cursor stays meaningful forever.
        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            type TEXT NOT NULL,
            occurred_ms INTEGER NOT NULL,
            request_id TEXT,
            offer_id TEXT,
            channel TEXT,
            group_visit_id TEXT
        );

        CREATE TABLE idempotency_keys (
            scope TEXT NOT NULL,
            key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            status_code INTEGER NOT NULL,
            content_type TEXT,
            location TEXT,
            body BLOB NOT NULL,
            created_ms INTEGER NOT NULL,
            PRIMARY KEY (scope, key)
        );
        CREATE INDEX ix_idempotency_created ON idempotency_keys (created_ms);
        """,
        """
        -- Trust boundaries (docs/security.md). Which client created a request or group visit: others get 404.
        -- Older resources have no row and stay readable by any client, as before.
        CREATE TABLE resource_owners (
            resource_id TEXT PRIMARY KEY,
            client TEXT NOT NULL
        );

        -- The person behind a request, as an HMAC under the API's key: one open request per person.
        CREATE TABLE request_people (
            request_id TEXT PRIMARY KEY REFERENCES booking_requests (id),
            person_key TEXT NOT NULL
        );
        CREATE INDEX ix_request_people_person ON request_people (person_key);

        -- Wrong guesses per confirmation code or facility code (keyed by an HMAC, never the code) and per client.
        CREATE TABLE guess_counters (
            scope TEXT NOT NULL,
            key TEXT NOT NULL,
            failures INTEGER NOT NULL,
            window_start_ms INTEGER NOT NULL,
            blocked_until_ms INTEGER,
            PRIMARY KEY (scope, key)
        );

        -- A client reads the events of its own requests and group visits (NULL: made before clients existed).
        ALTER TABLE events ADD COLUMN client TEXT;
        CREATE INDEX ix_events_client ON events (client, id);

        -- Replaced by guess_counters: a delay that doubles, never a lock the real facility could be kept out by.
        DROP TABLE facility_sign_in_failures;
        """,
    ];

    public static int LatestVersion => Migrations.Length;

    /// <summary>Creates or upgrades the schema; returns the version it started from.</summary>
    public static async Task<int> MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // WAL is a property of the file: set once, every later connection uses it.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));
        await using var transaction = connection.BeginTransaction(deferred: false);
        var version = await connection.ExecuteScalarAsync<int>(new CommandDefinition("PRAGMA user_version;", transaction: transaction, cancellationToken: cancellationToken));
        if (version > Migrations.Length)
        {
            throw new InvalidOperationException($"The database schema is version {version}, newer than this build knows ({Migrations.Length}).");
        }

        for (var next = version; next < Migrations.Length; next++)
        {
            await connection.ExecuteAsync(new CommandDefinition(Migrations[next], transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition($"PRAGMA user_version = {next + 1};", transaction: transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return version;
    }
}
