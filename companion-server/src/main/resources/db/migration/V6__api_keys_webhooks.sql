-- Agencies' API: API keys with scopes, upload de-duplication, and outgoing webhooks with their delivery log.

-- A key is shown once; only its SHA-256 is kept (like auth_tokens). prefix = the 8 characters after 'pxf_', to
-- recognise a key in a list. scopes is a comma-separated list of 'read' and 'generate'.
CREATE TABLE api_keys (
  id            UUID         NOT NULL PRIMARY KEY,
  user_id       UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name          VARCHAR(100) NOT NULL,
  prefix        VARCHAR(8)   NOT NULL,
  key_hash      VARCHAR(64)  NOT NULL,
  scopes        VARCHAR(64)  NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  last_used_at  TIMESTAMP WITH TIME ZONE,
  revoked_at    TIMESTAMP WITH TIME ZONE,
  CONSTRAINT api_keys_hash_unique UNIQUE (key_hash)
);
CREATE INDEX api_keys_user_idx ON api_keys (user_id, created_at);

-- The SHA-256 of the bytes a user sent: the same bytes again answer the upload they made first.
ALTER TABLE uploads ADD COLUMN content_sha256 VARCHAR(64);
CREATE UNIQUE INDEX uploads_user_sha256_idx ON uploads (user_id, content_sha256);

-- Where a user wants generation events pushed. events is a comma-separated list; secret is 'whsec_' + base64.
CREATE TABLE webhook_endpoints (
  id                    UUID          NOT NULL PRIMARY KEY,
  user_id               UUID          NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  url                   VARCHAR(2000) NOT NULL,
  events                VARCHAR(200)  NOT NULL,
  secret                VARCHAR(100)  NOT NULL,
  created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  consecutive_failures  INTEGER       NOT NULL DEFAULT 0,
  disabled_at           TIMESTAMP WITH TIME ZONE,
  disabled_reason       VARCHAR(300)
);
CREATE INDEX webhook_endpoints_user_idx ON webhook_endpoints (user_id, created_at);

-- One event for one endpoint (the outbox): written in the transaction of the status change, sent by the
-- webhook task when next_attempt_at is due, with the same webhook_id on every attempt.
CREATE TABLE webhook_messages (
  webhook_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
  endpoint_id      UUID         NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  event            VARCHAR(64)  NOT NULL,
  generation_id    UUID,
  body             TEXT         NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  attempts         INTEGER      NOT NULL DEFAULT 0,
  next_attempt_at  TIMESTAMP WITH TIME ZONE,
  state            VARCHAR(16)  NOT NULL
);
CREATE INDEX webhook_messages_due_idx ON webhook_messages (next_attempt_at) WHERE state = 'PENDING';

-- One row per attempt, pings included: what the endpoint's owner sees as the delivery log.
CREATE TABLE webhook_deliveries (
  id            BIGSERIAL    NOT NULL PRIMARY KEY,
  endpoint_id   UUID         NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  webhook_id    VARCHAR(64)  NOT NULL,
  event         VARCHAR(64)  NOT NULL,
  attempt       INTEGER      NOT NULL,
  status_code   INTEGER,
  error         VARCHAR(300),
  attempted_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, id);
