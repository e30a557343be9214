-- Tandem storage, version 2: a manager's team is looked up by `addedBy` as well as by
-- `managerEmail` on every sync push and on pulls after a roster change
-- (server/sync/records.ts, `teamOf`); without this column that lookup read every employee.
-- (Sync cursors already have `(owner_id, seq)` on sessions and action items, version 1.)

ALTER TABLE employees ADD COLUMN added_by text GENERATED ALWAYS AS
  (CASE WHEN jsonb_typeof(data -> 'addedBy') = 'string' THEN data ->> 'addedBy' END) STORED;
CREATE INDEX employees_added_by ON employees (added_by);
