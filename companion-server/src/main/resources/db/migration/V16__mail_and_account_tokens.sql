-- Issue 16: outgoing mail, email verification and password reset.

-- When the account proved it reads its address; null until then. Accounts that exist when this runs (the configured
-- admin among them) count as verified, so nothing they could do before stops working.
ALTER TABLE users ADD COLUMN email_verified_at TIMESTAMP WITH TIME ZONE;
UPDATE users SET email_verified_at = created_at;

-- Single-use links sent by mail (verify the address, reset the password): stored only as the SHA-256 of the token.
-- email is the address the link went to: a link for an address the account no longer has verifies nothing.
CREATE TABLE account_tokens (
  token_hash  VARCHAR(64)  NOT NULL PRIMARY KEY,
  user_id     UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose     VARCHAR(16)  NOT NULL,
  email       VARCHAR(320) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose);

-- Mail waiting to be sent, written in the transaction of what it tells about; a db-scheduler task sends it after
-- commit and retries with backoff. The bodies are emptied once the mail is sent or given up (they may hold a link).
CREATE TABLE mail_outbox (
  id               UUID         NOT NULL PRIMARY KEY,
  user_id          UUID         REFERENCES users (id) ON DELETE CASCADE,
  kind             VARCHAR(32)  NOT NULL,
  recipient        VARCHAR(320) NOT NULL,
  subject          VARCHAR(300) NOT NULL,
  text_body        TEXT         NOT NULL,
  html_body        TEXT         NOT NULL,
  list_unsubscribe VARCHAR(1000),
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  attempts         INTEGER      NOT NULL DEFAULT 0,
  next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  state            VARCHAR(16)  NOT NULL,
  last_error       VARCHAR(300),
  sent_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX mail_outbox_user_idx ON mail_outbox (user_id);
