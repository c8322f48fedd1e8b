-- The outbound queue, shared by every line instance (times are Unix milliseconds, UTC). callbacks: one row
-- per promise, its state and lease; phone is the number encrypted (docs/security.md), phone_key a keyed hash
-- of it for counting dials per number. callback_attempts: one row per call we started to place, written
-- BEFORE Twilio is asked, so a crash never hides a dial. callback_offers: the latest offer news per request
-- from the API's event feed (kept even before a callback for that request exists). callback_feed: the feed
-- cursor. callback_pacing: the next free dial slot, shared by every instance, so together they keep to the
-- account's calls-per-second.
CREATE TABLE callbacks (
    id              text   NOT NULL PRIMARY KEY,
    kind            text   NOT NULL CHECK (kind IN ('offer', 'reminder', 'agent')),
    call_sid        text   NOT NULL,
    phone           text   NOT NULL,
    phone_key       text   NULL,
    locale          text   NOT NULL,
    request_id      text   NULL,
    due_on          text   NULL,
    handoff         text   NULL,
    state           text   NOT NULL DEFAULT 'open'
        CHECK (state IN ('open', 'claimed', 'calling', 'notify', 'answered', 'voicemail', 'gave-up', 'refused', 'closed')),
    next_attempt_at bigint NOT NULL,
    lease_owner     text   NULL,
    lease_until     bigint NULL,
    attempts        bigint NOT NULL DEFAULT 0,
    outcome         text   NULL,
    created_at      bigint NOT NULL,
    updated_at      bigint NOT NULL
);
CREATE INDEX ix_callbacks_due ON callbacks (state, next_attempt_at);
CREATE INDEX ix_callbacks_request ON callbacks (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX ix_callbacks_phone_key ON callbacks (phone_key);
CREATE INDEX ix_callbacks_call ON callbacks (call_sid);

CREATE TABLE callback_attempts (
    callback_id text   NOT NULL,
    number      bigint NOT NULL,
    state       text   NOT NULL,
    call_sid    text   NULL UNIQUE,
    answered_by text   NULL,
    route       text   NULL CHECK (route IN ('flow', 'voicemail')),
    owner       text   NOT NULL,
    error       text   NULL,
    created_at  bigint NOT NULL,
    dialled_at  bigint NULL,
    updated_at  bigint NOT NULL,
    PRIMARY KEY (callback_id, number)
);
CREATE INDEX ix_callback_attempts_state ON callback_attempts (state, updated_at);

CREATE TABLE callback_offers (
    request_id text   NOT NULL PRIMARY KEY,
    offer_id   text   NULL,
    status     text   NOT NULL CHECK (status IN ('made', 'gone', 'booked', 'closed')),
    event_id   bigint NOT NULL
);

CREATE TABLE callback_feed (
    name   text   NOT NULL PRIMARY KEY,
    cursor bigint NOT NULL
);

CREATE TABLE callback_pacing (
    id           int    NOT NULL PRIMARY KEY CHECK (id = 1),
    next_slot_at bigint NOT NULL,
    free_since   bigint NOT NULL
);
INSERT INTO callback_pacing (id, next_slot_at, free_since) VALUES (1, 0, 0);
