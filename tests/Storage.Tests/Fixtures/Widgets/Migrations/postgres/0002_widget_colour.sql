-- A second script: it runs once however often, or however many processes at once, the runner starts.
ALTER TABLE widgets ADD COLUMN colour text NULL;
INSERT INTO widgets (name, colour) VALUES ('second', 'blue');
-- A function body with its own semicolons: the script is sent whole.
CREATE FUNCTION widget_count() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
    RETURN (SELECT count(*) FROM widgets);
END;
$$;
