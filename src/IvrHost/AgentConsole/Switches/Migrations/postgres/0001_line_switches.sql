-- Features a supervisor turned off on /console/supervisor (docs/operations.md, "Switches"): one row per
-- feature ever switched (callbacks, texts, group_visits, new_bookings), is_off 1 or 0, who and when
-- (Unix ms). No row: on. Every line instance reads the table every AgentConsole:SwitchRefreshInterval.
CREATE TABLE line_switches (
    feature text    NOT NULL PRIMARY KEY,
    is_off  integer NOT NULL CHECK (is_off IN (0, 1)),
    set_by  text    NOT NULL,
    set_at  bigint  NOT NULL
);
