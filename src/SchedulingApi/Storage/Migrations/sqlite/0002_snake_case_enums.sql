-- The storage convention (docs/storage.md): enums are stored as snake_case words, the same on
-- SQLite and PostgreSQL. Rows written by version 1 hold C# names ('AwaitingEligibility'); the
-- partial indexes and the queue triggers name statuses, so they are rebuilt with the new words.
-- The triggers go first: the status rewrite must not move anyone in or out of the queue counts.

DROP TRIGGER IF EXISTS tr_requests_insert_queued;
DROP TRIGGER IF EXISTS tr_requests_leave_queue;
DROP TRIGGER IF EXISTS tr_requests_join_queue;
DROP INDEX IF EXISTS ix_requests_queued;
DROP INDEX IF EXISTS ix_requests_awaiting;
DROP INDEX IF EXISTS ix_offers_pending_expiry;
DROP INDEX IF EXISTS ix_group_visits_queued;

UPDATE booking_requests SET
    status = CASE status WHEN 'AwaitingEligibility' THEN 'awaiting_eligibility' ELSE lower(status) END,
    channel = lower(channel),
    hold_start = CASE hold_start WHEN 'OnOffer' THEN 'on_offer' WHEN 'OnDelivery' THEN 'on_delivery' ELSE hold_start END;
UPDATE offers SET status = lower(status);
UPDATE bookings SET status = lower(status);
UPDATE group_visits SET status = lower(status);
UPDATE events SET channel = lower(channel) WHERE channel IS NOT NULL;

CREATE INDEX ix_requests_queued ON booking_requests (seq) WHERE status = 'queued';
CREATE INDEX ix_requests_awaiting ON booking_requests (eligible_from) WHERE status = 'awaiting_eligibility';
CREATE INDEX ix_offers_pending_expiry ON offers (expires_ms) WHERE status = 'pending';
CREATE INDEX ix_group_visits_queued ON group_visits (seq) WHERE status = 'queued';

CREATE TRIGGER tr_requests_insert_queued AFTER INSERT ON booking_requests WHEN NEW.status = 'queued'
BEGIN
    INSERT INTO queue_blocks (block, queued) VALUES (NEW.seq >> 10, 1)
    ON CONFLICT (block) DO UPDATE SET queued = queued + 1;
END;
CREATE TRIGGER tr_requests_leave_queue AFTER UPDATE OF status ON booking_requests
    WHEN OLD.status = 'queued' AND NEW.status <> 'queued'
BEGIN
    UPDATE queue_blocks SET queued = queued - 1 WHERE block = OLD.seq >> 10;
END;
CREATE TRIGGER tr_requests_join_queue AFTER UPDATE OF status ON booking_requests
    WHEN OLD.status <> 'queued' AND NEW.status = 'queued'
BEGIN
    INSERT INTO queue_blocks (block, queued) VALUES (NEW.seq >> 10, 1)
    ON CONFLICT (block) DO UPDATE SET queued = queued + 1;
END;
