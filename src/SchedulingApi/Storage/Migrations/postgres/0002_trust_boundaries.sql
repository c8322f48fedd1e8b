-- Trust boundaries (issue 12, docs/security.md).

-- Which client created a request or group visit: other clients get 404. Older resources have no row
-- and stay readable by any client with the scope, as before.
CREATE TABLE resource_owners (
    resource_id text PRIMARY KEY,
    client      text NOT NULL
);

-- The person behind a request, as an HMAC under the API's key: one open request per person.
CREATE TABLE request_people (
    request_id text PRIMARY KEY REFERENCES booking_requests (id),
    person_key text NOT NULL
);
CREATE INDEX ix_request_people_person ON request_people (person_key);

-- Wrong guesses per confirmation code or facility code (keyed by an HMAC, never the code) and per client.
CREATE TABLE guess_counters (
    scope            text   NOT NULL,
    key              text   NOT NULL,
    failures         bigint NOT NULL,
    window_start_ms  bigint NOT NULL,
    blocked_until_ms bigint,
    PRIMARY KEY (scope, key)
);

-- A client reads the events of its own requests and group visits (NULL: made before clients existed).
ALTER TABLE events ADD COLUMN client text;
CREATE INDEX ix_events_client ON events (client, id);

-- Replaced by guess_counters: a delay that doubles, never a lock the real facility could be kept out by.
DROP TABLE facility_sign_in_failures;
