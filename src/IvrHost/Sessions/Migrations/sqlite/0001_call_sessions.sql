-- One row per call, keyed by CallSid. version: optimistic concurrency (every write names the version it
-- read). caller_key: HMAC of the caller's number, to recognise a returning caller without the number.
-- Times are Unix milliseconds (UTC). IF NOT EXISTS: files made before versioned migrations already have it.
CREATE TABLE IF NOT EXISTS call_sessions (
    call_sid   TEXT    NOT NULL PRIMARY KEY,
    version    INTEGER NOT NULL,
    caller_key TEXT    NULL,
    status     TEXT    NOT NULL CHECK (status IN ('active', 'completed')),
    resumable  INTEGER NOT NULL CHECK (resumable IN (0, 1)),
    payload    TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_call_sessions_resumable ON call_sessions (caller_key, updated_at) WHERE resumable = 1;
CREATE INDEX IF NOT EXISTS ix_call_sessions_updated_at ON call_sessions (updated_at);
