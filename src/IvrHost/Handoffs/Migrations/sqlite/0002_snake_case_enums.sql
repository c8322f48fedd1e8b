-- The storage convention (docs/storage.md): enums are stored as snake_case words. Version 1 stored
-- reason, reached_from (a call state) and status by C# name ('CallbackRequested'), and status defaults
-- to one: the table is rebuilt (https://sqlite.org/lang_altertable.html#otheralter). The expression
-- below turns any PascalCase name into snake_case, as the code does (JsonNamingPolicy.SnakeCaseLower),
-- for names without acronyms or digits, which ours are.
CREATE TABLE handoffs_v2 (
    call_sid     TEXT    NOT NULL PRIMARY KEY,
    id           TEXT    NOT NULL,
    reason       TEXT    NOT NULL,
    reached_from TEXT    NOT NULL,
    locale       TEXT    NOT NULL,
    details      TEXT    NOT NULL,
    status       TEXT    NOT NULL DEFAULT 'waiting',
    claimed_by   TEXT    NULL,
    at           INTEGER NOT NULL
);
INSERT INTO handoffs_v2 (call_sid, id, reason, reached_from, locale, details, status, claimed_by, at)
SELECT call_sid, id,
       ltrim(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(reason, 'A', '_a'), 'B', '_b'), 'C', '_c'), 'D', '_d'), 'E', '_e'), 'F', '_f'), 'G', '_g'), 'H', '_h'), 'I', '_i'), 'J', '_j'), 'K', '_k'), 'L', '_l'), 'M', '_m'), 'N', '_n'), 'O', '_o'), 'P', '_p'), 'Q', '_q'), 'R', '_r'), 'S', '_s'), 'T', '_t'), 'U', '_u'), 'V', '_v'), 'W', '_w'), 'X', '_x'), 'Y', '_y'), 'Z', '_z'), '_'),
       ltrim(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(reached_from, 'A', '_a'), 'B', '_b'), 'C', '_c'), 'D', '_d'), 'E', '_e'), 'F', '_f'), 'G', '_g'), 'H', '_h'), 'I', '_i'), 'J', '_j'), 'K', '_k'), 'L', '_l'), 'M', '_m'), 'N', '_n'), 'O', '_o'), 'P', '_p'), 'Q', '_q'), 'R', '_r'), 'S', '_s'), 'T', '_t'), 'U', '_u'), 'V', '_v'), 'W', '_w'), 'X', '_x'), 'Y', '_y'), 'Z', '_z'), '_'),
       locale, details,
       ltrim(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(status, 'A', '_a'), 'B', '_b'), 'C', '_c'), 'D', '_d'), 'E', '_e'), 'F', '_f'), 'G', '_g'), 'H', '_h'), 'I', '_i'), 'J', '_j'), 'K', '_k'), 'L', '_l'), 'M', '_m'), 'N', '_n'), 'O', '_o'), 'P', '_p'), 'Q', '_q'), 'R', '_r'), 'S', '_s'), 'T', '_t'), 'U', '_u'), 'V', '_v'), 'W', '_w'), 'X', '_x'), 'Y', '_y'), 'Z', '_z'), '_'),
       claimed_by, at
FROM handoffs;
DROP TABLE handoffs;
ALTER TABLE handoffs_v2 RENAME TO handoffs;
CREATE INDEX ix_handoffs_status ON handoffs (status, at);
