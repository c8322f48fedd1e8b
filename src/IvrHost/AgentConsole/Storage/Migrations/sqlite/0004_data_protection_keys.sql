-- The console's Data Protection key ring (what signs its cookies), moved from files in the data folder
-- (data/keys) into the line's database, each key encrypted with the line's at-rest key (docs/security.md).
-- Agents signed in before this sign in again once.
CREATE TABLE data_protection_keys (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    friendly_name TEXT    NOT NULL,
    xml           TEXT    NOT NULL
);
