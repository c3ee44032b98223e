-- The key that signs library change-feed cursors (issue 13): one row, filled by the first server that starts
-- (insert ... on conflict do nothing, then read back), so every server on this database signs and checks alike
-- without a shared config secret.
CREATE TABLE library_cursor_key (
  id      SMALLINT NOT NULL PRIMARY KEY CHECK (id = 1),
  secret  BYTEA    NOT NULL
);
