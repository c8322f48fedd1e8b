-- The storage convention (docs/storage.md): enums are stored as snake_case words. Version 1 stored the
-- kind ('Offer') and the handoff reason ('CallerAsked') by C# name, and a CHECK names the kinds, which
-- SQLite cannot alter: the table is rebuilt (https://sqlite.org/lang_altertable.html#otheralter).
CREATE TABLE callbacks_v2 (
    id              TEXT    NOT NULL PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('offer', 'reminder', 'agent')),
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
INSERT INTO callbacks_v2 (id, kind, call_sid, phone, locale, request_id, due_on, handoff, state, next_attempt_at,
                          lease_owner, lease_until, attempts, outcome, created_at, updated_at)
SELECT id, lower(kind), call_sid, phone, locale, request_id, due_on,
       CASE handoff
           WHEN 'CallerAsked' THEN 'caller_asked'
           WHEN 'RepeatedInputFailures' THEN 'repeated_input_failures'
           WHEN 'BackendFailed' THEN 'backend_failed'
           WHEN 'BackendDown' THEN 'backend_down'
           WHEN 'NoSuitableOffer' THEN 'no_suitable_offer'
           WHEN 'CallbackToAgent' THEN 'callback_to_agent'
           WHEN 'FacilityLocked' THEN 'facility_locked'
           ELSE handoff
       END,
       state, next_attempt_at, lease_owner, lease_until, attempts, outcome, created_at, updated_at
FROM callbacks;
DROP TABLE callbacks;
ALTER TABLE callbacks_v2 RENAME TO callbacks;
CREATE INDEX ix_callbacks_due ON callbacks (state, next_attempt_at);
CREATE INDEX ix_callbacks_request ON callbacks (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX ix_callbacks_phone ON callbacks (phone);
