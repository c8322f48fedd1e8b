-- Callers handed to a person, keyed by CallSid: why, from where, what they already gave (details, JSON).
-- A claim is a compare-and-set on status. at: Unix ms (UTC).
-- IF NOT EXISTS: files made before versioned migrations already have the table.
CREATE TABLE IF NOT EXISTS handoffs (
    call_sid     TEXT    NOT NULL PRIMARY KEY,
    id           TEXT    NOT NULL,
    reason       TEXT    NOT NULL,
    reached_from TEXT    NOT NULL,
    locale       TEXT    NOT NULL,
    details      TEXT    NOT NULL,
    status       TEXT    NOT NULL DEFAULT 'Waiting',
    claimed_by   TEXT    NULL,
    at           INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_handoffs_status ON handoffs (status, at);
