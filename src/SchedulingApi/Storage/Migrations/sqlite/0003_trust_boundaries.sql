-- Trust boundaries (issue 12, docs/security.md).

-- Which client created a request or group visit: other clients get 404. Older resources have no row
-- and stay readable by any client with the scope, as before.
CREATE TABLE resource_owners (
    resource_id TEXT PRIMARY KEY,
    client TEXT NOT NULL
);

-- The person behind a request, as an HMAC under the API's key: one open request per person.
CREATE TABLE request_people (
    request_id TEXT PRIMARY KEY REFERENCES booking_requests (id),
    person_key TEXT NOT NULL
);
CREATE INDEX ix_request_people_person ON request_people (person_key);

-- Wrong guesses per confirmation code or facility code (keyed by an HMAC, never the code) and per client.
CREATE TABLE guess_counters (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    failures INTEGER NOT NULL,
    window_start_ms INTEGER NOT NULL,
    blocked_until_ms INTEGER,
    PRIMARY KEY (scope, key)
);

-- A client reads the events of its own requests and group visits (NULL: made before clients existed).
ALTER TABLE events ADD COLUMN client TEXT;
CREATE INDEX ix_events_client ON events (client, id);

-- Replaced by guess_counters: a delay that doubles, never a lock the real facility could be kept out by.
DROP TABLE facility_sign_in_failures;
