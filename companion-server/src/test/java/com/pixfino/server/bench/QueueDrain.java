package com.pixfino.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.TestImages;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One timed drain of {@code bench/scale-out.sh}: signs up a user through a running server, then writes
 * {@code jobs} paid generations in one transaction exactly as a create leaves them (debit, ledger row,
 * PENDING row, db-scheduler task), so every running server finds them at once; waits until all are
 * final, prints the drain time, and checks that no job ran twice: one debit per generation, at most one
 * refund, balance equal to the ledger sum, and the fake provider saw each generation submitted once.
 *
 * <p>Arguments: JDBC URL, a server's base URL, the fake's base URL, jobs, label, timeout seconds, output file, and
 * {@code one} (every job on linkedin-headshot, a popular preset's worst case) or {@code spread} (round robin over
 * all 26 Replicate photo presets, to tell the per-preset row lock apart from the rest).
 * Exit status 1 when a check fails or the drain times out.
 */
public final class QueueDrain {

    private static final int CREDITS = 4;

    private QueueDrain() {}

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        String baseUrl = args[1];
        String fakeUrl = args[2];
        int jobs = Integer.parseInt(args[3]);
        String label = args[4];
        Duration timeout = Duration.ofSeconds(Long.parseLong(args[5]));
        Path resultFile = Path.of(args[6]);
        boolean spread = args.length > 7 && args[7].equals("spread");
        PrintStream out = System.out;

        ApiClient user = new ApiClient(baseUrl).registerNew();
        UUID userId = UUID.fromString(user.get("/api/v1/me").json().get("id").asText());
        ApiClient.Answer upload = user.upload("/api/v1/uploads", "selfie.jpg", TestImages.jpeg(320, 400), "image/jpeg");
        if (upload.status() != 201) {
            throw new IllegalStateException("upload failed: " + upload.body());
        }
        UUID uploadId = UUID.fromString(upload.json().get("id").asText());

        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", null)) {
            List<UUID> ids = seed(c, userId, uploadId, jobs, label, spread);
            double committed = number(c, "SELECT extract(epoch FROM clock_timestamp())", null);
            StatementCounts counts = StatementCounts.connect(jdbcUrl, "postgres");
            long deadline = System.nanoTime() + timeout.toNanos();
            long lastReport = System.nanoTime();
            long open;
            while ((open = count(
                            c,
                            "SELECT count(*) /* bench */ FROM generations WHERE user_id = ? AND status IN ('PENDING', 'RUNNING')",
                            userId))
                    > 0) {
                if (System.nanoTime() > deadline) {
                    out.printf(
                            Locale.ROOT,
                            "drain %s: TIMEOUT after %d s with %d of %d jobs open%n",
                            label,
                            timeout.toSeconds(),
                            open,
                            jobs);
                    System.exit(1);
                }
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    out.printf(Locale.ROOT, "  %s: %d of %d done%n", label, jobs - open, jobs);
                    lastReport = System.nanoTime();
                }
                Thread.sleep(100);
            }
            StatementCounts.Window sql = counts.end();
            double seconds =
                    number(c, "SELECT extract(epoch FROM max(completed_at)) FROM generations WHERE user_id = ?", userId)
                            - committed;
            long completed =
                    count(c, "SELECT count(*) FROM generations WHERE user_id = ? AND status = 'COMPLETED'", userId);
            long failed = count(c, "SELECT count(*) FROM generations WHERE user_id = ? AND status = 'FAILED'", userId);
            out.printf(
                    Locale.ROOT,
                    "drain %s: %d jobs in %.2f s = %.1f jobs/s (completed %d, failed %d)%n",
                    label,
                    jobs,
                    seconds,
                    jobs / seconds,
                    completed,
                    failed);
            out.printf(
                    Locale.ROOT,
                    "  %s: a job's own time, started -> completed (includes two provider calls): p50 %.0f ms, p95 %.0f ms%n",
                    label,
                    number(
                            c,
                            "SELECT 1000 * percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - started_at))"
                                    + " FROM generations WHERE user_id = ?",
                            userId),
                    number(
                            c,
                            "SELECT 1000 * percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - started_at))"
                                    + " FROM generations WHERE user_id = ?",
                            userId));
            boolean ok = check(c, label, userId, ids, fakeUrl, out);
            Path sqlFile = resultFile.resolveSibling(resultFile.getFileName() + ".sql.txt");
            try (PrintStream file = new PrintStream(Files.newOutputStream(sqlFile), true, "UTF-8")) {
                sql.print(file, jobs, "job");
            }
            Files.writeString(
                    resultFile,
                    String.format(
                            Locale.ROOT,
                            "seconds=%.3f%njobs=%d%ncompleted=%d%nfailed=%d%nchecks=%s%n",
                            seconds,
                            jobs,
                            completed,
                            failed,
                            ok ? "ok" : "FAILED"));
            System.exit(ok ? 0 : 1);
        }
    }

    /** The rows a create writes, for {@code jobs} generations in one transaction; returns their ids. */
    private static List<UUID> seed(Connection c, UUID userId, UUID uploadId, int jobs, String label, boolean spread)
            throws SQLException {
        c.setAutoCommit(false);
        List<Long> presets = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                        "SELECT id FROM presets WHERE provider = 'replicate' AND media_kind = 'IMAGE'"
                                + " AND active AND credits = " + CREDITS
                                + (spread ? "" : " AND slug = 'linkedin-headshot'") + " ORDER BY id");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                presets.add(r.getLong(1));
            }
        }
        int balance;
        try (PreparedStatement grant =
                c.prepareStatement("UPDATE users SET credits = credits + ? WHERE id = ? RETURNING credits")) {
            grant.setInt(1, CREDITS * jobs);
            grant.setObject(2, userId);
            try (ResultSet r = grant.executeQuery()) {
                r.next();
                balance = r.getInt(1);
            }
        }
        try (PreparedStatement ledger = c.prepareStatement(
                        "INSERT INTO credit_ledger (user_id, amount, kind, reason, reference, balance_after, created_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, now())");
                PreparedStatement generation = c.prepareStatement(
                        "INSERT INTO generations (id, user_id, preset_id, upload_id, prompt, status,"
                                + " media_kind, credits_charged, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 'IMAGE', ?, now(), now())");
                PreparedStatement task = c.prepareStatement(
                        "INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time,"
                                + " picked, version, priority) VALUES ('generation', ?, NULL, now(), FALSE, 1, 0)")) {
            ledger.setObject(1, userId);
            ledger.setInt(2, CREDITS * jobs);
            ledger.setString(3, "GRANT");
            ledger.setString(4, "bench " + label);
            ledger.setString(5, null);
            ledger.setInt(6, balance);
            ledger.addBatch();
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                balance -= CREDITS;
                ledger.setInt(2, -CREDITS);
                ledger.setString(3, "DEBIT");
                ledger.setString(4, "Generation: LinkedIn Headshot");
                ledger.setString(5, "generation:" + id);
                ledger.setInt(6, balance);
                ledger.addBatch();
                generation.setObject(1, id);
                generation.setObject(2, userId);
                generation.setLong(3, presets.get(i % presets.size()));
                generation.setObject(4, uploadId);
                // the fake counts submissions by the generation id it finds in the prompt
                generation.setString(5, "bench " + label + " " + id);
                generation.setInt(6, CREDITS);
                generation.addBatch();
                task.setString(1, id.toString());
                task.addBatch();
            }
            ledger.executeBatch();
            generation.executeBatch();
            try (PreparedStatement debit = c.prepareStatement("UPDATE users SET credits = credits - ? WHERE id = ?")) {
                debit.setInt(1, CREDITS * jobs);
                debit.setObject(2, userId);
                debit.executeUpdate();
            }
            task.executeBatch();
            c.commit();
            c.setAutoCommit(true);
            return ids;
        }
    }

    private static boolean check(
            Connection c, String label, UUID userId, List<UUID> ids, String fakeUrl, PrintStream out) throws Exception {
        long wrongDebits = count(
                c,
                "SELECT count(*) FROM generations g WHERE g.user_id = ? AND (SELECT count(*) FROM credit_ledger l"
                        + " WHERE l.reference = 'generation:' || g.id AND l.kind = 'DEBIT') <> 1",
                userId);
        long doubleRefunds = count(
                c,
                "SELECT count(*) FROM generations g WHERE g.user_id = ? AND (SELECT count(*) FROM credit_ledger l"
                        + " WHERE l.reference = 'generation:' || g.id AND l.kind = 'REFUND') > 1",
                userId);
        long refunds = count(c, "SELECT count(*) FROM credit_ledger WHERE user_id = ? AND kind = 'REFUND'", userId);
        long balanceOff = count(
                c,
                "SELECT abs(u.credits - (SELECT coalesce(sum(amount), 0) FROM credit_ledger l WHERE l.user_id = u.id))"
                        + " FROM users u WHERE u.id = ?",
                userId);
        JsonNode counts = new ObjectMapper()
                .readTree(HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(fakeUrl + "/bench/counts"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
        JsonNode perGeneration = counts.get("perGeneration");
        int submittedOnce = 0;
        int submittedTwice = 0;
        int notSubmitted = 0;
        for (UUID id : ids) {
            int n = perGeneration.path(id.toString()).asInt(0);
            if (n == 1) {
                submittedOnce++;
            } else if (n == 0) {
                notSubmitted++;
            } else {
                submittedTwice++;
            }
        }
        boolean ok =
                wrongDebits == 0 && doubleRefunds == 0 && balanceOff == 0 && submittedTwice == 0 && notSubmitted == 0;
        out.printf(
                Locale.ROOT,
                "double-run check %s: generations without exactly one debit=%d, with more than one refund=%d, refunds=%d, "
                        + "balance minus ledger sum=%d; fake provider submissions per generation: once=%d, more than once=%d, never=%d -> %s%n",
                label,
                wrongDebits,
                doubleRefunds,
                refunds,
                balanceOff,
                submittedOnce,
                submittedTwice,
                notSubmitted,
                ok ? "OK" : "FAILED");
        return ok;
    }

    private static long count(Connection c, String sql, UUID userId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, userId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** One number from a query with an optional user id parameter. */
    private static double number(Connection c, String sql, UUID userId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (userId != null) {
                s.setObject(1, userId);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getDouble(1);
            }
        }
    }
}
