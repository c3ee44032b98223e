-- Diagnosis: the create as one autocommit statement, what the recommended change would send (token and preset
-- from in-memory caches, so not here): upload check, idempotency key, debit, ledger row, PENDING row and the
-- db-scheduler row in one CTE, one round trip, one durable commit, no NOTIFY in it (published after commit).
-- A reused Idempotency-Key fails the whole statement on the unique index (debit included): replay as today.
\set n random(1, @USERS@)
\set key random(1, 2000000000)
WITH b AS (SELECT id, upload FROM bench_users WHERE n = :n),
     debit AS (UPDATE users u SET credits = u.credits - 4 FROM b
               WHERE u.id = b.id AND u.credits >= 4 AND EXISTS (SELECT 1 FROM uploads p WHERE p.id = b.upload AND p.user_id = b.id)
               RETURNING u.id, u.credits, b.upload),
     g AS (SELECT gen_random_uuid() AS gid),
     ledger AS (INSERT INTO credit_ledger (user_id, amount, kind, reason, reference, balance_after, created_at)
                SELECT d.id, -4, 'DEBIT', 'Generation: bench', 'generation:' || g.gid, d.credits, now() FROM debit d, g RETURNING 1),
     gen AS (INSERT INTO generations (id, user_id, preset_id, upload_id, prompt, status, media_kind, credits_charged, idempotency_key, created_at, updated_at)
             SELECT g.gid, d.id, @PRESET@, d.upload, 'bench', 'PENDING', 'IMAGE', 4, 'k' || :key, now(), now() FROM debit d, g RETURNING id),
     task AS (INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
              SELECT 'bench', id::text, NULL, now() + interval '1 day', FALSE, 1 FROM gen RETURNING 1)
SELECT credits FROM debit;
