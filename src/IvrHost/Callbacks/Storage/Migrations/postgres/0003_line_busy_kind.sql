-- A new kind of callback (issue 16, docs/admission.md): a caller the full line turned away at the door,
-- called back when it has room. The CHECK on kind names every kind.
ALTER TABLE callbacks DROP CONSTRAINT callbacks_kind_check;
ALTER TABLE callbacks ADD CONSTRAINT callbacks_kind_check CHECK (kind IN ('offer', 'reminder', 'agent', 'line_busy'));
