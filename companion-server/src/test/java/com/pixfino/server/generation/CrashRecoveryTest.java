package com.pixfino.server.generation;

import static com.pixfino.server.db.jooq.Tables.CREDIT_LEDGER;
import static com.pixfino.server.db.jooq.Tables.GENERATIONS;
import static com.pixfino.server.db.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.LedgerKind;
import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestDatabases;
import com.pixfino.server.testsupport.TestImages;
import com.pixfino.server.testsupport.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * 100 jobs on a slow provider, the server process killed with SIGKILL mid-flight and started again:
 * every job ends COMPLETED or FAILED-and-refunded, each exactly once, and the ledger adds up.
 */
class CrashRecoveryTest {

    private static final int JOBS = 100;
    private static final int CREDITS = 4 * JOBS + 20;

    @Test
    void everyJobEndsOnceAfterAKillAndRestart() throws Exception {
        Path dataDir = TestDatabases.TestDirs.fresh("crash");
        Files.createDirectories(dataDir);
        ServerConfig.DatabaseSettings db = TestDatabases.freshDatabase();

        Process first = startServer(dataDir, db, "first");
        UUID userId;
        List<String> ids = new ArrayList<>();
        long openAtKill;
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            DSLContext sql = DSL.using(connection, SQLDialect.POSTGRES);
            ApiClient api = new ApiClient("http://127.0.0.1:" + port(dataDir, "first"));
            ApiClient user = api.registerNew();
            userId = Studio.userId(user);
            api.login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD)
                    .post(
                            ApiClient.path(ApiPaths.ADMIN_USER_CREDITS, userId),
                            Map.of("amount", CREDITS - 5, "reason", "crash test"));
            String upload = user.upload(ApiPaths.UPLOADS, "p.jpg", TestImages.jpeg(400, 500), "image/jpeg")
                    .json()
                    .get("id")
                    .asText();
            long preset = Studio.preset(api, "snow-princess").id();

            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                created.add(clients.submit(() -> Studio.create(user, preset, upload, null, null)
                        .json()
                        .get("id")
                        .asText()));
            }
            for (Future<String> id : created) {
                ids.add(id.get());
            }
            clients.shutdown();
            await().atMost(Duration.ofSeconds(30)).until(() -> count(sql, "COMPLETED"), n -> n >= 5);

            first.destroyForcibly().waitFor();
            openAtKill = JOBS - count(sql, "COMPLETED") - count(sql, "FAILED");
            assertThat(openAtKill)
                    .as("jobs were still in flight when the server was killed")
                    .isPositive();

            Process second = startServer(dataDir, db, "second");
            try {
                await().atMost(Duration.ofSeconds(120))
                        .until(() -> count(sql, "COMPLETED") + count(sql, "FAILED"), n -> n == JOBS);
            } finally {
                second.destroy();
                second.waitFor();
            }

            assertThat(count(sql, "PENDING") + count(sql, "RUNNING") + count(sql, "CANCELED"))
                    .isZero();
            Map<String, Integer> debits = perGeneration(sql, "DEBIT");
            Map<String, Integer> refunds = perGeneration(sql, "REFUND");
            int completed = 0;
            for (String id : ids) {
                String status = sql.select(GENERATIONS.STATUS)
                        .from(GENERATIONS)
                        .where(GENERATIONS.ID.eq(UUID.fromString(id)))
                        .fetchOne(GENERATIONS.STATUS)
                        .name();
                assertThat(debits.get(id)).as("one debit for " + id).isEqualTo(1);
                assertThat(refunds.getOrDefault(id, 0))
                        .as("refunds for " + status + " " + id)
                        .isEqualTo("FAILED".equals(status) ? 1 : 0);
                if ("COMPLETED".equals(status)) {
                    completed++;
                    String key = sql.select(GENERATIONS.OUTPUT_KEY)
                            .from(GENERATIONS)
                            .where(GENERATIONS.ID.eq(UUID.fromString(id)))
                            .fetchOne(GENERATIONS.OUTPUT_KEY);
                    assertThat(dataDir.resolve("files").resolve(key)).exists();
                }
            }
            int balance = sql.select(USERS.CREDITS)
                    .from(USERS)
                    .where(USERS.ID.eq(userId))
                    .fetchOne(USERS.CREDITS);
            int ledgerSum = sql.select(DSL.sum(CREDIT_LEDGER.AMOUNT))
                    .from(CREDIT_LEDGER)
                    .where(CREDIT_LEDGER.USER_ID.eq(userId))
                    .fetchOne(0, Integer.class);
            assertThat(balance).isEqualTo(ledgerSum).isEqualTo(CREDITS - 4 * completed);
        } finally {
            first.destroyForcibly();
        }
    }

    private static long count(DSLContext sql, String status) {
        return sql.fetchCount(GENERATIONS, GENERATIONS.STATUS.eq(GenerationStatus.valueOf(status)));
    }

    private static Map<String, Integer> perGeneration(DSLContext sql, String kind) {
        Map<String, Integer> counts = new HashMap<>();
        sql.select(CREDIT_LEDGER.REFERENCE, DSL.count())
                .from(CREDIT_LEDGER)
                .where(CREDIT_LEDGER.KIND.eq(LedgerKind.valueOf(kind)))
                .groupBy(CREDIT_LEDGER.REFERENCE)
                .forEach(r -> counts.put(r.value1().substring("generation:".length()), r.value2()));
        return counts;
    }

    private static Process startServer(Path dataDir, ServerConfig.DatabaseSettings db, String name) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashTestServerMain.class.getName(),
                        dataDir.toString(),
                        db.url(),
                        dataDir.resolve(name + ".port").toString())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(name + ".log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Files.exists(dataDir.resolve(name + ".port")) || !process.isAlive());
        assertThat(process.isAlive())
                .as("server process " + name + " started; see " + dataDir.resolve(name + ".log"))
                .isTrue();
        return process;
    }

    private static int port(Path dataDir, String name) throws Exception {
        return Integer.parseInt(
                Files.readString(dataDir.resolve(name + ".port")).trim());
    }
}
