-- Trust boundaries (issue 12, docs/security.md).
-- agent_sessions: sign-ins as the server knows them (the cookie carries the id), so signing out ends a
-- session on every instance. agent_claims: when a claimed caller was last worked on, so an abandoned
-- claim goes back to the queue. agent_audit.source: the address an action came from (as a trusted proxy
-- reports it). agent_sign_in_failures now counts addresses ('source:…') as well as accounts
-- ('account:…'); last_account is the account an address last tried, so unlocking an agent frees their desk.
CREATE TABLE agent_sessions (
    id         TEXT    NOT NULL PRIMARY KEY,
    account    TEXT    NOT NULL,
    started_at INTEGER NOT NULL,
    ended_at   INTEGER NULL
);
CREATE INDEX ix_agent_sessions_account ON agent_sessions (account) WHERE ended_at IS NULL;

CREATE TABLE agent_claims (
    call_sid   TEXT    NOT NULL PRIMARY KEY,
    agent      TEXT    NOT NULL,
    touched_at INTEGER NOT NULL
);

ALTER TABLE agent_audit ADD COLUMN source TEXT NULL;
ALTER TABLE agent_sign_in_failures ADD COLUMN last_account TEXT NULL;
