-- Generations (the credit-first pipeline) and db-scheduler's persistent job table.

CREATE TABLE generations (
  id                  UUID          NOT NULL PRIMARY KEY,
  user_id             UUID          NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  preset_id           BIGINT        NOT NULL REFERENCES presets (id),
  upload_id           UUID          REFERENCES uploads (id) ON DELETE SET NULL,
  prompt              VARCHAR(1000),
  status              VARCHAR(16)   NOT NULL,
  media_kind          VARCHAR(16)   NOT NULL,
  credits_charged     INTEGER       NOT NULL,
  refunded            BOOLEAN       NOT NULL DEFAULT FALSE,
  provider            VARCHAR(32),
  model               VARCHAR(200),
  provider_job_id     VARCHAR(200),
  error_code          VARCHAR(64),
  error_message       VARCHAR(1000),
  output_key          VARCHAR(300),
  output_content_type VARCHAR(64),
  thumbnail_key       VARCHAR(300),
  width               INTEGER,
  height              INTEGER,
  api_cost_usd        NUMERIC(10,4),
  idempotency_key     VARCHAR(200),
  poll_count          INTEGER       NOT NULL DEFAULT 0,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  started_at          TIMESTAMP WITH TIME ZONE,
  deadline_at         TIMESTAMP WITH TIME ZONE,
  completed_at        TIMESTAMP WITH TIME ZONE,
  updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT generations_idempotency_unique UNIQUE (user_id, idempotency_key),
  CONSTRAINT generations_credits_positive CHECK (credits_charged > 0)
);
CREATE INDEX generations_user_created_idx ON generations (user_id, created_at, id);
CREATE INDEX generations_status_idx ON generations (status);

-- One debit and at most one refund per generation, enforced by the database as well as by the status guard.
CREATE UNIQUE INDEX credit_ledger_once_per_generation_idx ON credit_ledger (reference, kind) WHERE kind IN ('DEBIT', 'REFUND');

-- db-scheduler's table (its documented PostgreSQL schema).
CREATE TABLE scheduled_tasks (
  task_name            VARCHAR(100)                  NOT NULL,
  task_instance        VARCHAR(200)                  NOT NULL,
  task_data            BYTEA,
  execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
  picked               BOOLEAN                  NOT NULL,
  picked_by            TEXT,
  last_success         TIMESTAMP WITH TIME ZONE,
  last_failure         TIMESTAMP WITH TIME ZONE,
  consecutive_failures INTEGER,
  last_heartbeat       TIMESTAMP WITH TIME ZONE,
  version              BIGINT                   NOT NULL,
  priority             SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority, execution_time);
