-- Booking requests taken while the scheduling API was down, submitted when it is back with the
-- idempotency key the call would have used. status: pending, submitted, rejected. Times: Unix ms (UTC).
-- IF NOT EXISTS: files made before versioned migrations already have the table.
CREATE TABLE IF NOT EXISTS deferred_requests (
    idempotency_key TEXT    NOT NULL PRIMARY KEY,
    call_sid        TEXT    NOT NULL,
    submission      TEXT    NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'pending',
    request_id      TEXT    NULL,
    created_at      INTEGER NOT NULL,
    submitted_at    INTEGER NULL
);
CREATE INDEX IF NOT EXISTS ix_deferred_requests_status ON deferred_requests (status, created_at);
