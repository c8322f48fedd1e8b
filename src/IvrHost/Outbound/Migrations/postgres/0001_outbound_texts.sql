-- Texts the line has sent (docs/security.md, outbound policy), counted across instances and restarts.
-- Numbers and subjects are keyed hashes (the caller-key secret), never in clear; rows older than two
-- days are dropped as new ones come. Times: Unix ms (UTC).
CREATE TABLE outbound_texts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    call_key    text   NOT NULL,
    number_key  text   NOT NULL,
    subject_key text   NOT NULL,
    sent_at     bigint NOT NULL
);
CREATE INDEX ix_outbound_texts_call ON outbound_texts (call_key, subject_key);
CREATE INDEX ix_outbound_texts_number ON outbound_texts (number_key, sent_at);
CREATE INDEX ix_outbound_texts_sent ON outbound_texts (sent_at);
