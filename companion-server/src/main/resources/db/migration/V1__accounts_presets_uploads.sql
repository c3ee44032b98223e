-- Accounts, the credit ledger, presets and uploads: the foundation schema.

CREATE TABLE users (
  id             UUID         NOT NULL PRIMARY KEY,
  email          VARCHAR(320) NOT NULL,
  name           VARCHAR(200) NOT NULL,
  password_hash  VARCHAR(255) NOT NULL,
  role           VARCHAR(16)  NOT NULL,
  tier           VARCHAR(16)  NOT NULL,
  credits        INTEGER      NOT NULL DEFAULT 0,
  status         VARCHAR(16)  NOT NULL DEFAULT 'ACTIVE',
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  last_login_at  TIMESTAMP WITH TIME ZONE,
  CONSTRAINT users_email_unique UNIQUE (email),
  CONSTRAINT users_credits_non_negative CHECK (credits >= 0)
);

CREATE TABLE auth_tokens (
  token_hash  VARCHAR(64) NOT NULL PRIMARY KEY,
  user_id     UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX auth_tokens_user_idx ON auth_tokens (user_id);

-- Every change to a balance is a row here; users.credits always equals the sum of amount.
CREATE TABLE credit_ledger (
  id             BIGSERIAL    NOT NULL PRIMARY KEY,
  user_id        UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  amount         INTEGER      NOT NULL,
  kind           VARCHAR(16)  NOT NULL,
  reason         VARCHAR(500) NOT NULL,
  reference      VARCHAR(200),
  balance_after  INTEGER      NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX credit_ledger_user_idx ON credit_ledger (user_id, id);

CREATE TABLE presets (
  id               BIGSERIAL     NOT NULL PRIMARY KEY,
  slug             VARCHAR(100)  NOT NULL,
  name             VARCHAR(200)  NOT NULL,
  category         VARCHAR(32)   NOT NULL,
  media_kind       VARCHAR(16)   NOT NULL,
  provider         VARCHAR(32)   NOT NULL,
  model            VARCHAR(200)  NOT NULL,
  duration_seconds INTEGER,
  credits          INTEGER       NOT NULL,
  api_cost_usd     NUMERIC(10,4) NOT NULL,
  featured         BOOLEAN       NOT NULL DEFAULT FALSE,
  pro              BOOLEAN       NOT NULL DEFAULT FALSE,
  prompt_template  TEXT          NOT NULL,
  negative_prompt  TEXT          NOT NULL DEFAULT '',
  thumbnail_url    VARCHAR(500),
  recipe           TEXT          NOT NULL,
  active           BOOLEAN       NOT NULL DEFAULT TRUE,
  usage_count      INTEGER       NOT NULL DEFAULT 0,
  sort_order       INTEGER       NOT NULL DEFAULT 0,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT presets_slug_unique UNIQUE (slug),
  CONSTRAINT presets_credits_positive CHECK (credits > 0)
);

CREATE TABLE uploads (
  id                UUID         NOT NULL PRIMARY KEY,
  user_id           UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  storage_key       VARCHAR(300) NOT NULL,
  thumbnail_key     VARCHAR(300) NOT NULL,
  content_type      VARCHAR(64)  NOT NULL,
  width             INTEGER      NOT NULL,
  height            INTEGER      NOT NULL,
  size_bytes        BIGINT       NOT NULL,
  original_filename VARCHAR(300),
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX uploads_user_idx ON uploads (user_id, created_at);
