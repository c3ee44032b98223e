-- Issue 16: notification preferences, the low-credit mail (once per crossing) and the weekly digest.

-- One row per user who changed a preference or whose balance crossed the low-credit threshold; no row means the
-- defaults. low_credits_due_at is set (by the trigger below) in the transaction whose debit crossed the threshold and
-- cleared when the mail is queued; digest_week is the Monday of the last week a digest went out (never twice a week).
CREATE TABLE notification_preferences (
  user_id            UUID    NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  low_credits        BOOLEAN NOT NULL DEFAULT TRUE,
  receipts           BOOLEAN NOT NULL DEFAULT TRUE,
  weekly_digest      BOOLEAN NOT NULL DEFAULT FALSE,
  low_credits_due_at TIMESTAMP WITH TIME ZONE,
  digest_week        DATE,
  updated_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX notification_preferences_due_idx ON notification_preferences (low_credits_due_at)
  WHERE low_credits_due_at IS NOT NULL;

-- The threshold the trigger compares with: billing's PIXFINO_LOW_CREDIT_THRESHOLD, written by the server at start.
CREATE TABLE notification_settings (
  id                   INTEGER NOT NULL PRIMARY KEY,
  low_credit_threshold INTEGER NOT NULL,
  CONSTRAINT notification_settings_one_row CHECK (id = 1)
);

-- When a preset became active (null: active before digests existed, so never "new"); kept by the trigger below.
ALTER TABLE presets ADD COLUMN activated_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX presets_activated_idx ON presets (activated_at) WHERE activated_at IS NOT NULL;

-- [jooq ignore start]
-- Every balance change is a ledger row with the balance after it, whoever writes it (a generation's one-statement
-- debit, an admin adjustment, a refund's claw-back): this one place decides that a row took the balance from at or
-- above the threshold to below it. Rows below it already, or back above it, re-arm nothing and send nothing.
CREATE FUNCTION low_credit_crossing() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  threshold INTEGER;
BEGIN
  SELECT low_credit_threshold INTO threshold FROM notification_settings WHERE id = 1;
  IF threshold IS NOT NULL AND NEW.balance_after < threshold AND NEW.balance_after - NEW.amount >= threshold THEN
    INSERT INTO notification_preferences (user_id, low_credits_due_at) VALUES (NEW.user_id, NEW.created_at)
      ON CONFLICT (user_id) DO UPDATE SET low_credits_due_at = EXCLUDED.low_credits_due_at;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER credit_ledger_low_credit AFTER INSERT ON credit_ledger
  FOR EACH ROW WHEN (NEW.amount < 0 AND NEW.user_id IS NOT NULL) EXECUTE FUNCTION low_credit_crossing();

CREATE FUNCTION presets_activated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.active AND NEW.activated_at IS NULL THEN
      NEW.activated_at := now();
    END IF;
  ELSIF NEW.active AND NOT OLD.active THEN
    NEW.activated_at := now();
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER presets_activated_at BEFORE INSERT OR UPDATE OF active ON presets
  FOR EACH ROW EXECUTE FUNCTION presets_activated_at();
-- [jooq ignore stop]
