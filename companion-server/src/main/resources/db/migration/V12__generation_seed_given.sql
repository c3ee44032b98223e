-- Whether a generation's request named its seed (true) or the server drew one (false), so that a reused
-- Idempotency-Key whose request names a seed the first one did not, or leaves out the seed the first one named, is a
-- 409 like any other changed field. Rows made before this column are treated as drawn: their retries stay accepted.
ALTER TABLE generations ADD COLUMN seed_given BOOLEAN NOT NULL DEFAULT false;
