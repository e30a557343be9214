-- Tandem storage, version 1.
--
-- Every collection of the storage interface (server/storage/types.ts) is one table of JSON rows:
-- `id` is the row's id and `data` the row exactly as it was put. `data` is the only source of
-- truth; the other columns are GENERATED from it (so they can never disagree with it) and exist
-- only so that filters and sync cursors can use an index. A generated column is NULL when the
-- field is missing, null or of another JSON type than the column's, which is why queries always
-- re-check `data` as well (see server/storage/postgres.ts, `find`).
--
-- This script runs with `search_path` set to the store's schema, inside the migration
-- transaction, under an advisory lock.

-- The store's identity (cursors carry it) and its change counter (what cursors count).
CREATE TABLE meta (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  store_id uuid NOT NULL DEFAULT gen_random_uuid(),
  seq bigint NOT NULL DEFAULT 0 CHECK (seq >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO meta DEFAULT VALUES;

CREATE TABLE users (
  id text PRIMARY KEY,
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object' AND data -> 'id' = to_jsonb(id)),
  email text GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'email') = 'string' THEN data ->> 'email' END) STORED,
  token_hash text GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'tokenHash') = 'string' THEN data ->> 'tokenHash' END) STORED
);
-- A token identifies exactly one user.
CREATE UNIQUE INDEX users_token_hash ON users (token_hash);
CREATE INDEX users_email ON users (email);

CREATE TABLE employees (
  id text PRIMARY KEY,
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object' AND data -> 'id' = to_jsonb(id)),
  email text GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'email') = 'string' THEN data ->> 'email' END) STORED,
  manager_email text GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'managerEmail') = 'string' THEN data ->> 'managerEmail' END) STORED
);
CREATE INDEX employees_email ON employees (email);
CREATE INDEX employees_manager_email ON employees (manager_email);

CREATE TABLE cycles (
  id text PRIMARY KEY,
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object' AND data -> 'id' = to_jsonb(id))
);

CREATE TABLE ratings (
  id text PRIMARY KEY,
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object' AND data -> 'id' = to_jsonb(id)),
  employee_id text GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'employeeId') = 'string' THEN data ->> 'employeeId' END) STORED,
  cycle_id text GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'cycleId') = 'string' THEN data ->> 'cycleId' END) STORED
);
CREATE INDEX ratings_employee_id ON ratings (employee_id);
CREATE INDEX ratings_cycle_id ON ratings (cycle_id);

-- Synced records: `seq` is the change sequence sync cursors count (assigned in commit order by
-- write transactions holding the store's write lock), `owner_id` the manager whose record it is.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object' AND data -> 'id' = to_jsonb(id)),
  seq bigint GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'seq') = 'number' AND (data ->> 'seq') ~ '^-?[0-9]{1,18}$'
      THEN (data ->> 'seq')::bigint END) STORED,
  owner_id text GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'ownerId') = 'string' THEN data ->> 'ownerId' END) STORED,
  version bigint GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'version') = 'number' AND (data ->> 'version') ~ '^-?[0-9]{1,18}$'
      THEN (data ->> 'version')::bigint END) STORED,
  deleted boolean GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'deleted') = 'boolean' THEN (data ->> 'deleted')::boolean END) STORED,
  employee_id text GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'employeeId') = 'string' THEN data ->> 'employeeId' END) STORED,
  cycle_id text GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'cycleId') = 'string' THEN data ->> 'cycleId' END) STORED
);
CREATE INDEX sessions_seq ON sessions (seq);
CREATE INDEX sessions_owner_seq ON sessions (owner_id, seq);
CREATE INDEX sessions_employee_id ON sessions (employee_id);
CREATE INDEX sessions_cycle_id ON sessions (cycle_id);

CREATE TABLE action_items (
  id text PRIMARY KEY,
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object' AND data -> 'id' = to_jsonb(id)),
  seq bigint GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'seq') = 'number' AND (data ->> 'seq') ~ '^-?[0-9]{1,18}$'
      THEN (data ->> 'seq')::bigint END) STORED,
  owner_id text GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'ownerId') = 'string' THEN data ->> 'ownerId' END) STORED,
  version bigint GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'version') = 'number' AND (data ->> 'version') ~ '^-?[0-9]{1,18}$'
      THEN (data ->> 'version')::bigint END) STORED,
  deleted boolean GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'deleted') = 'boolean' THEN (data ->> 'deleted')::boolean END) STORED,
  session_id text GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'sessionId') = 'string' THEN data ->> 'sessionId' END) STORED
);
CREATE INDEX action_items_seq ON action_items (seq);
CREATE INDEX action_items_owner_seq ON action_items (owner_id, seq);
CREATE INDEX action_items_session_id ON action_items (session_id);

CREATE TABLE surveys (
  id text PRIMARY KEY,
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object' AND data -> 'id' = to_jsonb(id)),
  token_hash text GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'tokenHash') = 'string' THEN data ->> 'tokenHash' END) STORED,
  session_id text GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'sessionId') = 'string' THEN data ->> 'sessionId' END) STORED,
  owner_id text GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'ownerId') = 'string' THEN data ->> 'ownerId' END) STORED
);
CREATE INDEX surveys_token_hash ON surveys (token_hash);
CREATE INDEX surveys_session_id ON surveys (session_id);
CREATE INDEX surveys_owner_id ON surveys (owner_id);

CREATE TABLE survey_responses (
  id text PRIMARY KEY,
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object' AND data -> 'id' = to_jsonb(id)),
  survey_id text GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'surveyId') = 'string' THEN data ->> 'surveyId' END) STORED,
  session_id text GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'sessionId') = 'string' THEN data ->> 'sessionId' END) STORED
);
CREATE INDEX survey_responses_survey_id ON survey_responses (survey_id);
CREATE INDEX survey_responses_session_id ON survey_responses (session_id);

CREATE TABLE pushes (
  id text PRIMARY KEY,
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object' AND data -> 'id' = to_jsonb(id)),
  user_id text GENERATED ALWAYS AS
    (CASE WHEN jsonb_typeof(data -> 'userId') = 'string' THEN data ->> 'userId' END) STORED
);
CREATE INDEX pushes_user_id ON pushes (user_id);

CREATE TABLE settings (
  id text PRIMARY KEY,
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object' AND data -> 'id' = to_jsonb(id))
);
