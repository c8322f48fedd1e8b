-- One row per call, keyed by CallSid, shared by every line instance. version: optimistic concurrency
-- (every write names the version it read). caller_key: HMAC of the caller's number, to recognise a
-- returning caller without the number. payload: the call flow's state, encrypted (docs/security.md).
-- Times are Unix milliseconds (UTC).
CREATE TABLE call_sessions (
    call_sid   text    NOT NULL PRIMARY KEY,
    version    bigint  NOT NULL,
    caller_key text    NULL,
    status     text    NOT NULL CHECK (status IN ('active', 'completed')),
    resumable  boolean NOT NULL,
    payload    text    NOT NULL,
    created_at bigint  NOT NULL,
    updated_at bigint  NOT NULL
);
CREATE INDEX ix_call_sessions_resumable ON call_sessions (caller_key, updated_at) WHERE resumable = true;
CREATE INDEX ix_call_sessions_updated_at ON call_sessions (updated_at);
