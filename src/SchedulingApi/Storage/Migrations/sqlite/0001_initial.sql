-- The scheduling API's tables as first shipped (enums stored by C# name; 0002 changes that).
-- IF NOT EXISTS: a file made before versioned migrations (PRAGMA user_version 1) holds exactly this
-- schema, and is adopted as version 1 without change.
-- Instants are Unix milliseconds (UTC), dates yyyy-MM-dd text.

CREATE TABLE IF NOT EXISTS sites (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    spoken_name TEXT NOT NULL,
    address TEXT NOT NULL,
    time_zone TEXT NOT NULL
);

-- One-hour windows. remaining = capacity - pending offers - confirmed bookings; the CHECK is the
-- last line against overbooking, the conditional UPDATE in SqliteWindowStore the first.
CREATE TABLE IF NOT EXISTS windows (
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
CREATE INDEX IF NOT EXISTS ix_windows_open ON windows (start_ms) WHERE remaining > 0;
CREATE INDEX IF NOT EXISTS ix_windows_open_by_date ON windows (local_date, start_ms) WHERE remaining > 0;
CREATE INDEX IF NOT EXISTS ix_windows_by_date ON windows (local_date, site_id);

CREATE TABLE IF NOT EXISTS booking_requests (
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
CREATE INDEX IF NOT EXISTS ix_requests_queued ON booking_requests (seq) WHERE status = 'Queued';
CREATE INDEX IF NOT EXISTS ix_requests_awaiting ON booking_requests (eligible_from) WHERE status = 'AwaitingEligibility';

-- Queued requests counted per block of 1024 arrival numbers, kept by triggers: a queue position is
-- the sum of the blocks before one's own plus a count inside it, not a count of the whole queue.
CREATE TABLE IF NOT EXISTS queue_blocks (block INTEGER PRIMARY KEY, queued INTEGER NOT NULL);
CREATE TRIGGER IF NOT EXISTS tr_requests_insert_queued AFTER INSERT ON booking_requests WHEN NEW.status = 'Queued'
BEGIN
    INSERT INTO queue_blocks (block, queued) VALUES (NEW.seq >> 10, 1)
    ON CONFLICT (block) DO UPDATE SET queued = queued + 1;
END;
CREATE TRIGGER IF NOT EXISTS tr_requests_leave_queue AFTER UPDATE OF status ON booking_requests
    WHEN OLD.status = 'Queued' AND NEW.status <> 'Queued'
BEGIN
    UPDATE queue_blocks SET queued = queued - 1 WHERE block = OLD.seq >> 10;
END;
CREATE TRIGGER IF NOT EXISTS tr_requests_join_queue AFTER UPDATE OF status ON booking_requests
    WHEN OLD.status <> 'Queued' AND NEW.status = 'Queued'
BEGIN
    INSERT INTO queue_blocks (block, queued) VALUES (NEW.seq >> 10, 1)
    ON CONFLICT (block) DO UPDATE SET queued = queued + 1;
END;

CREATE TABLE IF NOT EXISTS offers (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES booking_requests (id),
    window_id INTEGER NOT NULL REFERENCES windows (id),
    status TEXT NOT NULL,
    offered_ms INTEGER NOT NULL,
    hold_started_ms INTEGER,
    expires_ms INTEGER NOT NULL,
    decided_ms INTEGER
);
CREATE INDEX IF NOT EXISTS ix_offers_request ON offers (request_id, window_id);
CREATE INDEX IF NOT EXISTS ix_offers_pending_expiry ON offers (expires_ms) WHERE status = 'Pending';

CREATE TABLE IF NOT EXISTS bookings (
    confirmation_code TEXT PRIMARY KEY,
    request_id TEXT NOT NULL UNIQUE REFERENCES booking_requests (id),
    offer_id TEXT NOT NULL UNIQUE REFERENCES offers (id),
    window_id INTEGER NOT NULL REFERENCES windows (id),
    birth_date TEXT NOT NULL,
    status TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    cancelled_ms INTEGER
);

CREATE TABLE IF NOT EXISTS facilities (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    spoken_name TEXT NOT NULL,
    pin_hash TEXT NOT NULL
);

-- Keyed by the code as typed, known or not, so an unknown code behaves exactly like a wrong PIN.
CREATE TABLE IF NOT EXISTS facility_sign_in_failures (
    code TEXT PRIMARY KEY,
    failed_attempts INTEGER NOT NULL,
    locked_until_ms INTEGER
);

CREATE TABLE IF NOT EXISTS group_visits (
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
CREATE INDEX IF NOT EXISTS ix_group_visits_queued ON group_visits (seq) WHERE status = 'Queued';

CREATE TABLE IF NOT EXISTS group_visit_days (
    visit_date TEXT PRIMARY KEY,
    teams_booked INTEGER NOT NULL
);

-- AUTOINCREMENT: ids are never reused, so a consumer's cursor stays meaningful forever.
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    type TEXT NOT NULL,
    occurred_ms INTEGER NOT NULL,
    request_id TEXT,
    offer_id TEXT,
    channel TEXT,
    group_visit_id TEXT
);

CREATE TABLE IF NOT EXISTS idempotency_keys (
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
CREATE INDEX IF NOT EXISTS ix_idempotency_created ON idempotency_keys (created_ms);
