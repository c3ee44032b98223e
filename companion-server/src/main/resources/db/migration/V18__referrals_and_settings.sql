-- Issue 16: referrals (every account's invitation code, who joined with whose, the reward once both conditions hold)
-- and the admin's platform settings (referral rewards on or off, their size and monthly cap, the launch promo window).

-- Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), stored upper-case; matched after
-- upper-casing, so any case works. Existing accounts get one here.
ALTER TABLE users ADD COLUMN referral_code VARCHAR(8);
-- [jooq ignore start]
DO $$
DECLARE
  alphabet CONSTANT TEXT := '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  account RECORD;
  candidate TEXT;
BEGIN
  FOR account IN SELECT id FROM users WHERE referral_code IS NULL LOOP
    LOOP
      candidate := '';
      FOR i IN 1..8 LOOP
        candidate := candidate || substr(alphabet, 1 + floor(random() * length(alphabet))::int, 1);
      END LOOP;
      EXIT WHEN NOT EXISTS (SELECT 1 FROM users WHERE referral_code = candidate);
    END LOOP;
    UPDATE users SET referral_code = candidate WHERE id = account.id;
  END LOOP;
END $$;
-- [jooq ignore stop]
ALTER TABLE users ALTER COLUMN referral_code SET NOT NULL;
CREATE UNIQUE INDEX users_referral_code_idx ON users (referral_code);

-- One row per account that registered with someone's code, written at registration (rewards on or off). state:
-- PENDING until the referee has verified its address and completed a generation, then REWARDED, CAPPED (the
-- referrer's monthly cap was reached), SELF (same address once normalised, or same Stripe customer) or OFF (rewards
-- were off at that moment). The referrer's rows go with the referrer's account; a deleted referee leaves the row to
-- the referrer's figures, naming nobody.
CREATE TABLE referrals (
  id                   UUID        NOT NULL PRIMARY KEY,
  referrer_id          UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  referee_id           UUID        REFERENCES users (id) ON DELETE SET NULL,
  code                 VARCHAR(8)  NOT NULL,
  state                VARCHAR(16) NOT NULL,
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  first_generation_at  TIMESTAMP WITH TIME ZONE,
  settled_at           TIMESTAMP WITH TIME ZONE,
  referrer_credits     INTEGER     NOT NULL DEFAULT 0,
  referee_credits      INTEGER     NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX referrals_referee_idx ON referrals (referee_id);
CREATE INDEX referrals_referrer_idx ON referrals (referrer_id, state, settled_at);

-- A referral's GRANT rows ('referral:<id>:referrer', 'referral:<id>:referee') exist at most once each: a repeated or
-- racing event grants nothing more.
CREATE UNIQUE INDEX credit_ledger_referral_reference_idx ON credit_ledger (reference) WHERE reference LIKE 'referral:%';

-- The platform settings an admin changes at run time: exactly one row.
CREATE TABLE platform_settings (
  id                    SMALLINT NOT NULL PRIMARY KEY,
  referrals_enabled     BOOLEAN  NOT NULL,
  referral_credits      INTEGER  NOT NULL,
  referral_monthly_cap  INTEGER  NOT NULL,
  launch_promo_from     TIMESTAMP WITH TIME ZONE,
  launch_promo_to       TIMESTAMP WITH TIME ZONE,
  updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT platform_settings_one_row CHECK (id = 1)
);
INSERT INTO platform_settings (id, referrals_enabled, referral_credits, referral_monthly_cap, updated_at)
VALUES (1, FALSE, 5, 20, now());
