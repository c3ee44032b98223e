-- Deleting an account keeps its credit ledger rows (the books must still add up) but no longer ties them to a
-- person: they move from the user to a tombstone, a random id that names nobody, made once per deletion.

CREATE TABLE account_tombstones (
  id                  UUID    NOT NULL PRIMARY KEY,
  deleted_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  ledger_rows         INTEGER NOT NULL,
  credits_written_off INTEGER NOT NULL
);

ALTER TABLE credit_ledger ALTER COLUMN user_id DROP NOT NULL;
ALTER TABLE credit_ledger ADD COLUMN tombstone_id UUID REFERENCES account_tombstones (id);
-- Every row belongs to exactly one of them.
ALTER TABLE credit_ledger ADD CONSTRAINT credit_ledger_one_owner CHECK ((user_id IS NULL) <> (tombstone_id IS NULL));
CREATE INDEX credit_ledger_tombstone_idx ON credit_ledger (tombstone_id);

-- A users row may no longer take its ledger rows with it: they must be moved to a tombstone first.
ALTER TABLE credit_ledger DROP CONSTRAINT IF EXISTS credit_ledger_user_id_fkey;
ALTER TABLE credit_ledger ADD CONSTRAINT credit_ledger_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT;
