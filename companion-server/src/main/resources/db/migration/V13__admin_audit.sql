-- Admin mode (issue 15). Every admin action is one row of admin_audit: who, on what, what changed (before and after
-- as small JSON objects), why and when. The ids are plain values, not foreign keys: the trail outlives a deleted
-- account, like the credit ledger, and holds no personal data beyond opaque ids.
CREATE TABLE admin_audit (
  id           BIGSERIAL    NOT NULL PRIMARY KEY,
  admin_id     UUID         NOT NULL,
  action       VARCHAR(64)  NOT NULL,
  target_type  VARCHAR(32)  NOT NULL,
  target_id    VARCHAR(100) NOT NULL,
  before_value TEXT,
  after_value  TEXT,
  reason       VARCHAR(500),
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- "Active" counts sign-ins and registering counts as one: accounts made before the server recorded that get their
-- registration time.
UPDATE users SET last_login_at = created_at WHERE last_login_at IS NULL;

CREATE INDEX users_created_idx ON users (created_at, id);
CREATE INDEX generations_created_idx ON generations (created_at);
CREATE INDEX credit_ledger_created_idx ON credit_ledger (created_at);
