-- Issue 16: promo codes. A code is stored upper-case and matched in any case; redemptions counts the grants made
-- with it, raised by a conditional update in the redeeming transaction, so it never passes max_redemptions (the
-- CHECK is the last guard). The count stays when a redeeming account is deleted: a deleted account frees no place.
CREATE TABLE promo_codes (
  id               BIGSERIAL    NOT NULL PRIMARY KEY,
  code             VARCHAR(32)  NOT NULL UNIQUE,
  credits          INTEGER      NOT NULL CHECK (credits BETWEEN 1 AND 10000),
  max_redemptions  INTEGER      NOT NULL CHECK (max_redemptions BETWEEN 1 AND 1000000),
  redemptions      INTEGER      NOT NULL DEFAULT 0,
  valid_from       TIMESTAMP WITH TIME ZONE NOT NULL,
  valid_to         TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by       UUID,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT promo_codes_redemptions_check CHECK (redemptions >= 0 AND redemptions <= max_redemptions)
);

-- Who redeemed which code: once per account (the primary key), with the credits it granted.
CREATE TABLE promo_redemptions (
  promo_code_id  BIGINT   NOT NULL REFERENCES promo_codes (id) ON DELETE CASCADE,
  user_id        UUID     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  credits        INTEGER  NOT NULL,
  redeemed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (promo_code_id, user_id)
);
CREATE INDEX promo_redemptions_user_idx ON promo_redemptions (user_id);

-- The grant's ledger row (reference promo:{CODE}:{userId}) exists at most once, whatever a caller does twice.
CREATE UNIQUE INDEX credit_ledger_promo_reference_idx ON credit_ledger (reference) WHERE reference LIKE 'promo:%';
