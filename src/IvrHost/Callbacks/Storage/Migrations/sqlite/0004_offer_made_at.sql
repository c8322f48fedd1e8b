-- When the offer in callback_offers was made (the event's time, Unix ms): an offer callback is due from
-- then, and the offer callback SLO (docs/slo.md) measures its first dial from then. NULL for older rows
-- and for news other than 'made'.
ALTER TABLE callback_offers ADD COLUMN made_at INTEGER NULL;
