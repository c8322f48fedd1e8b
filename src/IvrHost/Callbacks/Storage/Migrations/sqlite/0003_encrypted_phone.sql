-- Personal data encrypted at rest (docs/security.md): callbacks.phone now holds the number encrypted, and
-- phone_key a keyed hash of it (the caller-key secret), by which dials to one number are counted. Rows
-- saved before this have the number in clear and no key; they are counted by the number until they close.
ALTER TABLE callbacks ADD COLUMN phone_key TEXT NULL;
DROP INDEX IF EXISTS ix_callbacks_phone;
CREATE INDEX ix_callbacks_phone_key ON callbacks (phone_key);
CREATE INDEX ix_callbacks_call ON callbacks (call_sid);
