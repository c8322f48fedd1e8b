-- Booking requests taken while the scheduling API was down, submitted when it is back with the
-- idempotency key the call would have used. submission: the request, encrypted (docs/security.md).
-- status: pending, submitted, rejected. A submitter holds what it is sending until lease_until, so of
-- several instances one sends each. Times: Unix ms (UTC).
CREATE TABLE deferred_requests (
    idempotency_key text   NOT NULL PRIMARY KEY,
    call_sid        text   NOT NULL,
    submission      text   NOT NULL,
    status          text   NOT NULL DEFAULT 'pending',
    request_id      text   NULL,
    created_at      bigint NOT NULL,
    submitted_at    bigint NULL,
    lease_owner     text   NULL,
    lease_until     bigint NULL
);
CREATE INDEX ix_deferred_requests_status ON deferred_requests (status, created_at);
