-- A second script: it runs once however often, or however many processes at once, the runner starts.
ALTER TABLE widgets ADD COLUMN colour TEXT NULL;
INSERT INTO widgets (name, colour) VALUES ('second', 'blue');
