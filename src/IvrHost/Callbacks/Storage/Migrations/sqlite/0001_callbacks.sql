-- The outbound queue (times are Unix milliseconds, UTC). callbacks: one row per promise, its state and
-- lease. callback_attempts: one row per call we started to place, written BEFORE Twilio is asked, so a
-- crash never hides a dial. callback_offers: the latest offer news per request from the API's event feed
-- (kept even before a callback for that request exists: the feed may be faster than the caller's hang-up).
-- callback_feed: the feed cursor. callback_pacing: the next free dial slot, shared by every host on the
-- database, so together they keep to the account's calls-per-second.
-- IF NOT EXISTS: files made before versioned migrations already have these tables.
CREATE TABLE IF NOT EXISTS callbacks (
    id              TEXT    NOT NULL PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('Offer', 'Reminder', 'Agent')),
    call_sid        TEXT    NOT NULL,
    phone           TEXT    NOT NULL,
    locale          TEXT    NOT NULL,
    request_id      TEXT    NULL,
    due_on          TEXT    NULL,
    handoff         TEXT    NULL,
    state           TEXT    NOT NULL DEFAULT 'open'
        CHECK (state IN ('open', 'claimed', 'calling', 'notify', 'answered', 'voicemail', 'gave-up', 'refused', 'closed')),
    next_attempt_at INTEGER NOT NULL,
    lease_owner     TEXT    NULL,
    lease_until     INTEGER NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    outcome         TEXT    NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_callbacks_due ON callbacks (state, next_attempt_at);
CREATE INDEX IF NOT EXISTS ix_callbacks_request ON callbacks (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_callbacks_phone ON callbacks (phone);
CREATE TABLE IF NOT EXISTS callback_attempts (
    callback_id TEXT    NOT NULL,
    number      INTEGER NOT NULL,
    state       TEXT    NOT NULL,
    call_sid    TEXT    NULL UNIQUE,
    answered_by TEXT    NULL,
    route       TEXT    NULL CHECK (route IN ('flow', 'voicemail')),
    owner       TEXT    NOT NULL,
    error       TEXT    NULL,
    created_at  INTEGER NOT NULL,
    dialled_at  INTEGER NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (callback_id, number)
);
CREATE INDEX IF NOT EXISTS ix_callback_attempts_state ON callback_attempts (state, updated_at);
CREATE TABLE IF NOT EXISTS callback_offers (
    request_id TEXT    NOT NULL PRIMARY KEY,
    offer_id   TEXT    NULL,
    status     TEXT    NOT NULL CHECK (status IN ('made', 'gone', 'booked', 'closed')),
    event_id   INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS callback_feed (
    name   TEXT    NOT NULL PRIMARY KEY,
    cursor INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS callback_pacing (
    id           INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    next_slot_at INTEGER NOT NULL,
    free_since   INTEGER NOT NULL
);
INSERT INTO callback_pacing (id, next_slot_at, free_since) VALUES (1, 0, 0) ON CONFLICT (id) DO NOTHING;
