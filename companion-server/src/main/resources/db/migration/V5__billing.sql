-- Billing with Stripe: who is which Stripe customer, their subscription as Stripe last told us, what was granted
-- for which payment (each at most once), refunds seen, and the Stripe events already applied.

-- One row per user who has been sent to Stripe: the customer we created for them, and their subscription.
CREATE TABLE billing_accounts (
  user_id               UUID         NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  stripe_customer_id    VARCHAR(255) NOT NULL,
  created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  subscription_id       VARCHAR(255),
  plan                  VARCHAR(16),
  subscription_status   VARCHAR(32),
  current_period_end    TIMESTAMP WITH TIME ZONE,
  cancel_at_period_end  BOOLEAN      NOT NULL DEFAULT FALSE,
  subscription_synced_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT billing_accounts_customer_unique UNIQUE (stripe_customer_id)
);

-- Every credit grant that must happen at most once, claimed by its reference before the ledger row is written:
-- 'checkout:<session id>' (a pack), 'invoice:<invoice id>' (a plan's period), 'free-month:<yyyy-mm>:<user id>'.
CREATE TABLE billing_grants (
  reference       VARCHAR(200) NOT NULL PRIMARY KEY,
  user_id         UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  source          VARCHAR(16)  NOT NULL,
  item            VARCHAR(64)  NOT NULL,
  credits         INTEGER      NOT NULL,
  payment_intent  VARCHAR(255),
  clawed_back     INTEGER      NOT NULL DEFAULT 0,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT billing_grants_credits_non_negative CHECK (credits >= 0)
);
CREATE INDEX billing_grants_user_idx ON billing_grants (user_id, created_at);
CREATE UNIQUE INDEX billing_grants_payment_intent_idx ON billing_grants (payment_intent);

-- The refunded share of a payment as the last charge.refunded said, kept even before its pack is fulfilled (events
-- come in any order), so the claw-back happens whichever arrives first.
CREATE TABLE billing_refunds (
  payment_intent   VARCHAR(255) NOT NULL PRIMARY KEY,
  charge_id        VARCHAR(255) NOT NULL,
  amount           BIGINT       NOT NULL,
  amount_refunded  BIGINT       NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Stripe events applied, written in the same transaction as their effects: a repeat finds its id and does nothing.
CREATE TABLE stripe_events (
  event_id      VARCHAR(255) NOT NULL PRIMARY KEY,
  type          VARCHAR(100) NOT NULL,
  processed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A ledger row that comes from Stripe is written once per session, invoice or refund step, whatever else fails.
CREATE UNIQUE INDEX credit_ledger_stripe_reference_idx ON credit_ledger (reference) WHERE reference LIKE 'stripe:%';
