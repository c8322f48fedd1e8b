-- Callers handed to a person, keyed by CallSid: why, from where, and what they already gave (details:
-- JSON, encrypted, docs/security.md). A claim is a compare-and-set on status. at: Unix ms (UTC).
CREATE TABLE handoffs (
    call_sid     text   NOT NULL PRIMARY KEY,
    id           text   NOT NULL,
    reason       text   NOT NULL,
    reached_from text   NOT NULL,
    locale       text   NOT NULL,
    details      text   NOT NULL,
    status       text   NOT NULL DEFAULT 'waiting',
    claimed_by   text   NULL,
    at           bigint NOT NULL
);
CREATE INDEX ix_handoffs_status ON handoffs (status, at);
