package com.pixfino.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.TestImages;
import com.pixfino.server.testsupport.TestServer;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The load generator of {@code bench/create-generation.sh}, in its own JVM: signs up one user per client
 * through the API of a running server (credits, one small photo each), then each client sends
 * {@code POST /api/v1/generations} back to back (closed loop) for the warm-up and the measured seconds,
 * and stops by itself. Prints accepted creates per second, p50/p95/p99/max and errors of the measured
 * window, writes them to {@code outDir/api.properties}, and, given a JDBC URL, what the database executed
 * per create in the same window (pg_stat_statements).
 *
 * <p>Arguments: base URL, clients, warm-up seconds, measured seconds, output directory, [JDBC URL]. Every request
 * carries a fresh {@code Idempotency-Key} as the studio's do, unless {@code -Dbench.idempotencyKeys=false}.
 * The server must have {@link TestServer#ADMIN_EMAIL}/{@link TestServer#ADMIN_PASSWORD} as its admin.
 */
public final class CreateGenerationLoad {

    private static final String PRESET = "linkedin-headshot";

    private CreateGenerationLoad() {}

    public static void main(String[] args) {
        try {
            measure(args);
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            // the client threads are not daemons: without this a failed set-up would hang the bench
            System.exit(1);
        }
    }

    private static void measure(String[] args) throws Exception {
        String baseUrl = args[0];
        int clients = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        Path outDir = Path.of(args[4]);
        String jdbcUrl = args.length > 5 ? args[5] : null;

        List<String> tokens = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        signUp(baseUrl, clients, tokens, bodies);
        boolean idempotencyKeys = !"false".equals(System.getProperty("bench.idempotencyKeys"));
        PrintStream out = System.out;

        // the floor of this harness on this machine now: an unmatched route answers 404 without touching the database
        URI nowhere = URI.create(baseUrl + "/api/v1/bench-floor");
        List<Supplier<HttpRequest>> probes = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            probes.add(() -> HttpRequest.newBuilder(nowhere)
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build());
        }
        Result floor = run(probes, 404, 2, 5, null, null);
        out.printf(
                Locale.ROOT,
                "harness floor GET (404, no database): clients=%d throughput=%.1f req/s p50=%.1f ms p99=%.1f ms%n",
                clients,
                floor.throughput(),
                floor.percentile(0.50),
                floor.percentile(0.99));

        URI creates = URI.create(baseUrl + "/api/v1/generations");
        List<Supplier<HttpRequest>> requests = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            HttpRequest.Builder template = HttpRequest.newBuilder(creates)
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + tokens.get(i))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)));
            // the studio sends a fresh Idempotency-Key with every Generate, so the server takes that path too
            requests.add(
                    idempotencyKeys
                            ? () -> template.copy()
                                    .header("Idempotency-Key", UUID.randomUUID().toString())
                                    .build()
                            : template::build);
        }
        Result result = run(requests, 202, warmup, seconds, jdbcUrl, outDir);

        out.printf(
                Locale.ROOT,
                "api POST /api/v1/generations (Idempotency-Key: %s): clients=%d warmup=%ds measured=%ds accepted=%d errors=%d "
                        + "throughput=%.1f req/s p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n",
                idempotencyKeys ? "a fresh one each" : "none",
                clients,
                warmup,
                seconds,
                result.latencies.length,
                result.errors(),
                result.throughput(),
                result.percentile(0.50),
                result.percentile(0.95),
                result.percentile(0.99),
                result.percentile(1.0));
        if (!result.errorsByKind.isEmpty()) {
            out.println("errors by kind: " + new TreeMap<>(result.errorsByKind));
        }
        Files.writeString(
                outDir.resolve("api.properties"),
                String.format(
                        Locale.ROOT,
                        "rps=%.1f%np50=%.1f%np95=%.1f%np99=%.1f%nmax=%.1f%naccepted=%d%nerrors=%d%nfromEpochMs=%d%ntoEpochMs=%d%nfloorRps=%.1f%n",
                        result.throughput(),
                        result.percentile(0.50),
                        result.percentile(0.95),
                        result.percentile(0.99),
                        result.percentile(1.0),
                        result.latencies.length,
                        result.errors(),
                        result.fromEpochMillis,
                        result.toEpochMillis,
                        floor.throughput()));
    }

    /** One user per client, each with credits for the whole run and an uploaded photo; signs up 4 at a time. */
    private static void signUp(String baseUrl, int clients, List<String> tokens, List<String> bodies) throws Exception {
        ApiClient anonymous = new ApiClient(baseUrl);
        ApiClient admin = anonymous.login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        long preset = -1;
        for (JsonNode p : anonymous.get("/api/v1/presets").json()) {
            if (p.get("slug").asText().equals(PRESET)) {
                preset = p.get("id").asLong();
            }
        }
        if (preset < 0) {
            throw new IllegalStateException("no preset " + PRESET);
        }
        byte[] photo = TestImages.jpeg(320, 400);
        long presetId = preset;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String[]>> users = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            users.add(pool.submit(() -> {
                ApiClient user = anonymous.registerNew();
                String id = user.get("/api/v1/me").json().get("id").asText();
                ApiClient.Answer grant = admin.post(
                        "/api/v1/admin/users/" + id + "/credits", Map.of("amount", 1_000_000, "reason", "bench"));
                if (grant.status() != 201) {
                    throw new IllegalStateException("credit grant failed: " + grant.body());
                }
                ApiClient.Answer upload = user.upload("/api/v1/uploads", "selfie.jpg", photo, "image/jpeg");
                if (upload.status() != 201) {
                    throw new IllegalStateException("upload failed: " + upload.body());
                }
                // "forever": the fake provider keeps the job running, so only its first step shares the cores
                return new String[] {
                    user.token(),
                    "{\"presetId\":" + presetId + ",\"uploadId\":\""
                            + upload.json().get("id").asText() + "\",\"prompt\":\"runs forever " + UUID.randomUUID()
                            + "\"}"
                };
            }));
        }
        for (Future<String[]> user : users) {
            String[] tokenAndBody = user.get();
            tokens.add(tokenAndBody[0]);
            bodies.add(tokenAndBody[1]);
        }
        pool.shutdown();
    }

    record Result(
            long[] latencies,
            Map<String, AtomicInteger> errorsByKind,
            double seconds,
            long fromEpochMillis,
            long toEpochMillis) {
        long errors() {
            return errorsByKind.values().stream().mapToLong(AtomicInteger::get).sum();
        }

        double throughput() {
            return latencies.length / seconds;
        }

        /** Nearest-rank percentile in ms; the latencies are sorted. */
        double percentile(double p) {
            if (latencies.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, rank))] / 1000.0;
        }
    }

    /** Each client sends its requests back to back; with a JDBC URL, counts the statements of the measured window. */
    private static Result run(
            List<Supplier<HttpRequest>> clients,
            int expectedStatus,
            int warmup,
            int seconds,
            String jdbcUrl,
            Path outDir)
            throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        // connected before the clients start: a cold JVM's first connection can take seconds on a busy machine
        StatementCounts counts = jdbcUrl == null ? null : StatementCounts.connect(jdbcUrl, "postgres");
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        long stopAt = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        List<Future<long[][]>> runs = new ArrayList<>();
        for (Supplier<HttpRequest> next : clients) {
            runs.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                long[] completions = new long[1024];
                int n = 0;
                int c = 0;
                while (System.nanoTime() < stopAt) {
                    HttpRequest request = next.get();
                    long sent = System.nanoTime();
                    String error = null;
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != expectedStatus) {
                            error = "http_" + response.statusCode();
                        }
                    } catch (java.io.IOException e) {
                        error = e.getClass().getSimpleName();
                    }
                    long done = System.nanoTime();
                    if (error == null) {
                        if (c == completions.length) {
                            completions = Arrays.copyOf(completions, c * 2);
                        }
                        completions[c++] = done;
                    }
                    if (sent >= measureFrom && done <= stopAt) {
                        if (error != null) {
                            errors.computeIfAbsent(error, k -> new AtomicInteger())
                                    .incrementAndGet();
                        } else {
                            if (n == latencies.length) {
                                latencies = Arrays.copyOf(latencies, n * 2);
                            }
                            latencies[n++] = (done - sent) / 1000;
                        }
                    }
                }
                return new long[][] {Arrays.copyOf(latencies, n), Arrays.copyOf(completions, c)};
            }));
        }
        sleepUntil(measureFrom);
        long sqlFrom = System.nanoTime();
        if (counts != null) {
            counts.start();
        }
        sleepUntil(stopAt);
        StatementCounts.Window sql = counts == null ? null : counts.end();
        long sqlTo = System.nanoTime();
        long[] all = new long[0];
        long createsInSqlWindow = 0;
        for (Future<long[][]> run : runs) {
            long[][] mine = run.get();
            long[] merged = Arrays.copyOf(all, all.length + mine[0].length);
            System.arraycopy(mine[0], 0, merged, all.length, mine[0].length);
            all = merged;
            createsInSqlWindow += Arrays.stream(mine[1])
                    .filter(t -> t >= sqlFrom && t <= sqlTo)
                    .count();
        }
        pool.shutdownNow();
        Arrays.sort(all);
        if (sql != null) {
            try (PrintStream file =
                    new PrintStream(Files.newOutputStream(outDir.resolve("sql-per-create.txt")), true, "UTF-8")) {
                // per create completed while the statements were counted (requests in flight at the edges roughly
                // cancel out)
                sql.print(file, createsInSqlWindow, "create");
            }
        }
        return new Result(all, errors, seconds, epochMillisAt(measureFrom), epochMillisAt(stopAt));
    }

    private static long epochMillisAt(long nanoTime) {
        return System.currentTimeMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}
