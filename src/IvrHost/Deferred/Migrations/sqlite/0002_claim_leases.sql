-- Several line instances (docs/storage.md): a submitter holds the requests it is sending until
-- lease_until (Unix ms, UTC), so another instance's submitter sends other ones, or these after a crash.
ALTER TABLE deferred_requests ADD COLUMN lease_owner TEXT NULL;
ALTER TABLE deferred_requests ADD COLUMN lease_until INTEGER NULL;
