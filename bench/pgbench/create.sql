-- The target's reference: the create transaction's debit + ledger + insert (as bench/create-generation.sh has
-- always run it), one transaction, no NOTIFY. @USERS@ and @PRESET@ are filled in by the script.
\set n random(1, @USERS@)
BEGIN;
SELECT u.id, u.role FROM users u JOIN bench_users b ON b.id = u.id WHERE b.n = :n;
SELECT id, credits, pro FROM presets WHERE id = @PRESET@ AND active;
UPDATE users SET credits = credits - 4 WHERE id = (SELECT id FROM bench_users WHERE n = :n) AND credits - 4 >= 0 RETURNING credits;
INSERT INTO credit_ledger (user_id, amount, kind, reason, reference, balance_after, created_at) SELECT id, -4, 'DEBIT', 'bench', 'bench:' || gen_random_uuid(), 0, now() FROM bench_users WHERE n = :n;
INSERT INTO generations (id, user_id, preset_id, status, media_kind, credits_charged, created_at, updated_at) SELECT gen_random_uuid(), id, @PRESET@, 'PENDING', 'IMAGE', 4, now(), now() FROM bench_users WHERE n = :n;
COMMIT;
