package com.pixfino.server.bench;

import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.generation.JobSettings;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ScriptedProvider;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestDatabases;
import com.pixfino.server.testsupport.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for {@code POST /api/v1/generations}: 64 clients on 127.0.0.1 for a bounded time, then
 * pgbench runs the same debit + ledger + insert transaction on the same database, so the two figures
 * come from one machine in one run and their ratio is what to compare across runs.
 *
 * <p>Arguments: clients (64), warm-up seconds (5), measured seconds (20).
 */
public final class CreateGenerationLoad {

    private CreateGenerationLoad() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;

        ServerConfig.DatabaseSettings db = TestDatabases.freshDatabase();
        ServerConfig base = TestServer.config(TestDatabases.TestDirs.fresh("bench"), Optional.of(db));
        // jobs are submitted as in production but poll rarely, so the measurement is the create path
        ServerConfig config = new ServerConfig(0, base.dataDir(), base.database(), base.admin(), base.monthlyCredits(),
                base.tokenLifetime(), base.maxUploadBytes(), base.maxUploadPixels(),
                new JobSettings(Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofSeconds(5), 4),
                base.resilience()).withLimits(base.limits());
        try (TestServer server = TestServer.start(config, List.of(new ScriptedProvider("replicate")))) {
            Studio studio = new Studio(server);
            long preset = studio.presetId("linkedin-headshot");
            List<String> tokens = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            List<UUID> userIds = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                ApiClient user = studio.userWithCredits(1_000_000);
                userIds.add(Studio.userId(user));
                tokens.add(user.token());
                bodies.add("{\"presetId\":" + preset + ",\"uploadId\":\"" + Studio.upload(user) + "\",\"prompt\":\"runs forever\"}");
            }
            Result app = runHttp(server.baseUrl(), tokens, bodies, warmup, seconds);
            double pgbenchTps = runPgbench(db, userIds, preset, clients, seconds);
            System.out.printf(Locale.ROOT, "create-generation: clients=%d seconds=%d requests=%d errors=%d throughput=%.1f req/s p50=%.1f ms p99=%.1f ms%n",
                    clients, seconds, app.count, app.errors, app.throughput(), app.percentile(0.50), app.percentile(0.99));
            System.out.printf(Locale.ROOT, "pgbench debit+ledger+insert: clients=%d seconds=%d tps=%.1f%n", clients, seconds, pgbenchTps);
            System.out.printf(Locale.ROOT, "ratio api/pgbench = %.3f%n", app.throughput() / pgbenchTps);
        }
        System.exit(0);
    }

    record Result(long count, long errors, double seconds, long[] latenciesMicros) {
        double throughput() {
            return count / seconds;
        }

        double percentile(double p) {
            long[] sorted = latenciesMicros.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1000.0;
        }
    }

    private static Result runHttp(String baseUrl, List<String> tokens, List<String> bodies, int warmup, int seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(baseUrl + "/api/v1/generations");
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        long stopAt = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong errors = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(tokens.size());
        List<Future<List<Long>>> runs = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + tokens.get(i)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
            runs.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                ready.countDown();
                while (System.nanoTime() < stopAt) {
                    long sent = System.nanoTime();
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    long done = System.nanoTime();
                    if (sent >= measureFrom && done <= stopAt) {
                        if (response.statusCode() == 202) {
                            latencies.add((done - sent) / 1000);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> run : runs) {
            all.addAll(run.get());
        }
        pool.shutdown();
        return new Result(all.size(), errors.get(), seconds, all.stream().mapToLong(Long::longValue).toArray());
    }

    /** The create transaction's writes as pgbench SQL, on the same tables and indexes. */
    private static double runPgbench(ServerConfig.DatabaseSettings db, List<UUID> users, long preset, int clients, int seconds) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            c.createStatement().execute("CREATE TABLE bench_users (n INTEGER PRIMARY KEY, id UUID NOT NULL)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_users VALUES (?, ?)")) {
                for (int i = 0; i < users.size(); i++) {
                    insert.setInt(1, i + 1);
                    insert.setObject(2, users.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        Path script = Files.createTempFile("pgbench-create", ".sql");
        Files.writeString(script, String.join("\n",
                "\\set n random(1, " + users.size() + ")",
                "BEGIN;",
                "SELECT u.id, u.role FROM users u JOIN bench_users b ON b.id = u.id WHERE b.n = :n;",
                "SELECT id, credits, pro FROM presets WHERE id = " + preset + " AND active;",
                "UPDATE users SET credits = credits - 4 WHERE id = (SELECT id FROM bench_users WHERE n = :n) AND credits - 4 >= 0 RETURNING credits;",
                "INSERT INTO credit_ledger (user_id, amount, kind, reason, reference, balance_after, created_at)"
                        + " SELECT id, -4, 'DEBIT', 'bench', 'bench:' || gen_random_uuid(), 0, now() FROM bench_users WHERE n = :n;",
                "INSERT INTO generations (id, user_id, preset_id, status, media_kind, credits_charged, created_at, updated_at)"
                        + " SELECT gen_random_uuid(), id, " + preset + ", 'PENDING', 'IMAGE', 4, now(), now() FROM bench_users WHERE n = :n;",
                "COMMIT;", ""));
        URI jdbc = URI.create(db.url().substring("jdbc:".length()));
        ProcessBuilder pgbench = new ProcessBuilder("pgbench", "-n", "-M", "prepared", "-c", Integer.toString(clients), "-j", "2",
                "-T", Integer.toString(seconds), "-f", script.toString(), "-h", jdbc.getHost(), "-p", Integer.toString(jdbc.getPort()),
                "-U", db.user() == null ? "postgres" : db.user(), jdbc.getPath().substring(1)).redirectErrorStream(true);
        Process process = pgbench.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        return output.lines().filter(l -> l.startsWith("tps = ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(6).split(" ")[0]))
                .orElseThrow(() -> new IllegalStateException("no tps in pgbench output:\n" + output));
    }
}
