-- A new kind of callback (issue 16, docs/admission.md): a caller the full line turned away at the door,
-- called back when it has room. The CHECK on kind names every kind, which SQLite cannot alter: the table
-- is rebuilt (https://sqlite.org/lang_altertable.html#otheralter), its columns and indexes as 0002-0003 left them.
CREATE TABLE callbacks_v3 (
    id              TEXT    NOT NULL PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('offer', 'reminder', 'agent', 'line_busy')),
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
    updated_at      INTEGER NOT NULL,
    phone_key       TEXT    NULL
);
INSERT INTO callbacks_v3 (id, kind, call_sid, phone, locale, request_id, due_on, handoff, state, next_attempt_at,
                          lease_owner, lease_until, attempts, outcome, created_at, updated_at, phone_key)
SELECT id, kind, call_sid, phone, locale, request_id, due_on, handoff, state, next_attempt_at,
       lease_owner, lease_until, attempts, outcome, created_at, updated_at, phone_key
FROM callbacks;
DROP TABLE callbacks;
ALTER TABLE callbacks_v3 RENAME TO callbacks;
CREATE INDEX ix_callbacks_due ON callbacks (state, next_attempt_at);
CREATE INDEX ix_callbacks_request ON callbacks (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX ix_callbacks_phone_key ON callbacks (phone_key);
CREATE INDEX ix_callbacks_call ON callbacks (call_sid);
