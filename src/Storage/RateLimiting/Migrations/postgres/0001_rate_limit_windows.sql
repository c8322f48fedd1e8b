-- Rate-limit counters every instance shares (docs/security.md, "Abuse limits"): one row per partition
-- and fixed window. partition_key is the policy's name and a keyed hash (HMAC) of who is limited: never
-- a phone number or an API key. Rows whose window is over are pruned.
CREATE TABLE rate_limit_windows (
    partition_key text   NOT NULL,
    window_start  bigint NOT NULL,
    hits          bigint NOT NULL,
    expires_at    bigint NOT NULL,
    PRIMARY KEY (partition_key, window_start)
);

CREATE INDEX ix_rate_limit_windows_expires_at ON rate_limit_windows (expires_at);
