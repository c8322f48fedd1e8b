-- The agent console's tables, shared by every line instance. Times: Unix ms (UTC).
-- agent_audit: every console action (ids and words only, never personal data), with the source address.
CREATE TABLE agent_audit (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        bigint NOT NULL,
    agent     text   NOT NULL,
    action    text   NOT NULL,
    call_sid  text   NULL,
    outcome   text   NOT NULL,
    reference text   NULL,
    source    text   NULL
);
CREATE INDEX ix_agent_audit_at ON agent_audit (at);

-- Failed sign-ins per account ('account:…') and per address ('source:…'); last_account: the account an
-- address last tried, so unlocking an agent frees their desk too.
CREATE TABLE agent_sign_in_failures (
    account         text   NOT NULL PRIMARY KEY,
    failures        bigint NOT NULL,
    last_failure_at bigint NOT NULL,
    locked_until    bigint NULL,
    last_account    text   NULL
);

-- The supervisor's incident message (one row).
CREATE TABLE incident_notice (
    id      int    PRIMARY KEY CHECK (id = 1),
    message text   NULL,
    set_by  text   NOT NULL,
    set_at  bigint NOT NULL
);

-- Agents' bookings, one per handoff; status and health_card are encrypted (docs/security.md).
CREATE TABLE agent_bookings (
    handoff_id         text    NOT NULL PRIMARY KEY,
    call_sid           text    NOT NULL,
    agent              text    NOT NULL,
    state              text    NOT NULL,
    idempotency_key    text    NOT NULL,
    request_id         text    NULL,
    status             text    NULL,
    health_card        text    NULL,
    waited_for_backend boolean NOT NULL DEFAULT false,
    created_at         bigint  NOT NULL,
    updated_at         bigint  NOT NULL
);
CREATE INDEX ix_agent_bookings_call ON agent_bookings (call_sid);
CREATE INDEX ix_agent_bookings_updated ON agent_bookings (updated_at);

-- Sign-ins as the server knows them (the cookie carries the id): signing out ends one on every instance.
CREATE TABLE agent_sessions (
    id         text   NOT NULL PRIMARY KEY,
    account    text   NOT NULL,
    started_at bigint NOT NULL,
    ended_at   bigint NULL
);
CREATE INDEX ix_agent_sessions_account ON agent_sessions (account) WHERE ended_at IS NULL;

-- When a claimed caller was last worked on, so an abandoned claim goes back to the queue.
CREATE TABLE agent_claims (
    call_sid   text   NOT NULL PRIMARY KEY,
    agent      text   NOT NULL,
    touched_at bigint NOT NULL
);

-- The console's Data Protection key ring, each key encrypted with the line's at-rest key.
CREATE TABLE data_protection_keys (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name text   NOT NULL,
    xml           text   NOT NULL
);
