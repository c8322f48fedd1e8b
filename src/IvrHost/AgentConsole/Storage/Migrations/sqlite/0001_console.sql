-- The agent console's tables. agent_audit: every console action (ids and words only, never personal
-- data). agent_sign_in_failures: failed sign-ins per account. incident_notice: the supervisor's message
-- (one row). agent_bookings: agents' bookings, one per handoff. Times: Unix ms (UTC).
-- IF NOT EXISTS: files made before versioned migrations already have these tables.
CREATE TABLE IF NOT EXISTS agent_audit (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        INTEGER NOT NULL,
    agent     TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    call_sid  TEXT    NULL,
    outcome   TEXT    NOT NULL,
    reference TEXT    NULL
);
CREATE INDEX IF NOT EXISTS ix_agent_audit_at ON agent_audit (at);
CREATE TABLE IF NOT EXISTS agent_sign_in_failures (
    account         TEXT    NOT NULL PRIMARY KEY,
    failures        INTEGER NOT NULL,
    last_failure_at INTEGER NOT NULL,
    locked_until    INTEGER NULL
);
CREATE TABLE IF NOT EXISTS incident_notice (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    message TEXT    NULL,
    set_by  TEXT    NOT NULL,
    set_at  INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS agent_bookings (
    handoff_id        TEXT    NOT NULL PRIMARY KEY,
    call_sid          TEXT    NOT NULL,
    agent             TEXT    NOT NULL,
    state             TEXT    NOT NULL,
    idempotency_key   TEXT    NOT NULL,
    request_id        TEXT    NULL,
    status            TEXT    NULL,
    health_card       TEXT    NULL,
    waited_for_backend INTEGER NOT NULL DEFAULT 0,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_agent_bookings_call ON agent_bookings (call_sid);
CREATE INDEX IF NOT EXISTS ix_agent_bookings_updated ON agent_bookings (updated_at);
