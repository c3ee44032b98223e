-- Diagnosis: what POST /api/v1/generations sends today, statement for statement (see sql-per-create.txt),
-- without the JVM: token, preset and upload look-ups each in their own autocommit transaction, the create
-- transaction with the idempotency statements and NOTIFY, then db-scheduler's exists check and insert.
-- Each transaction plays a random user; every statement is one round trip, as with pgjdbc. The first statement
-- only picks the user (the API knows it from the request): one round trip more than the API makes.
\set n random(1, @USERS@)
\set key random(1, 2000000000)
SELECT b.id AS uid, b.upload AS upl, (SELECT token_hash FROM auth_tokens t WHERE t.user_id = b.id LIMIT 1) AS tok, gen_random_uuid() AS gid
  FROM bench_users b WHERE b.n = :n \gset
SELECT users.id, users.role FROM auth_tokens JOIN users ON users.id = auth_tokens.user_id WHERE auth_tokens.token_hash = :tok AND auth_tokens.revoked_at IS NULL AND auth_tokens.expires_at > now() AND users.status = 'ACTIVE';
SELECT * FROM presets WHERE id = @PRESET@ AND active;
SELECT * FROM uploads WHERE id = :upl AND user_id = :uid;
BEGIN;
UPDATE generations SET idempotency_key = NULL WHERE user_id = :uid AND idempotency_key = 'k' || :key AND created_at < now() - interval '24 hours';
SELECT * FROM generations WHERE user_id = :uid AND idempotency_key = 'k' || :key;
SELECT tier FROM users WHERE id = :uid;
UPDATE users SET credits = credits - 4 WHERE id = :uid AND credits - 4 >= 0 RETURNING credits;
INSERT INTO credit_ledger (user_id, amount, kind, reason, reference, balance_after, created_at) VALUES (:uid, -4, 'DEBIT', 'Generation: bench', 'generation:' || :gid::text, 0, now());
INSERT INTO generations (id, user_id, preset_id, upload_id, prompt, status, media_kind, credits_charged, idempotency_key, created_at, updated_at) VALUES (:gid, :uid, @PRESET@, :upl, 'bench', 'PENDING', 'IMAGE', 4, 'k' || :key, now(), now());
SELECT pg_notify('bench_events', :uid::text || '|' || :gid::text || '|PENDING|false');
COMMIT;
SELECT * FROM scheduled_tasks WHERE task_name = 'bench' AND task_instance = :gid;
INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version) VALUES ('bench', :gid, NULL, now() + interval '1 day', FALSE, 1);
