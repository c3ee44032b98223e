package com.pixfino.server.testsupport;

import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.db.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL for tests: the server named by {@code PIXFINO_TEST_DB_URL} (+ _USER/_PASSWORD) or one
 * embedded cluster per test JVM; each call to {@link #freshDatabase()} creates an empty database on it.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedDatabase embedded;

    private TestDatabases() {}

    public static synchronized ServerConfig.DatabaseSettings freshDatabase() {
        String name = "pixfino_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        ServerConfig.DatabaseSettings admin = adminConnection("postgres");
        try (Connection c = DriverManager.getConnection(admin.url(), admin.user(), admin.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + ": " + e.getMessage(), e);
        }
        return adminConnection(name);
    }

    /**
     * Marks the user's email address verified in {@code database}, as opening the mailed link would (for a server in
     * another process; in-process tests use {@link TestServer#verifyEmail}).
     */
    public static void verifyEmail(ServerConfig.DatabaseSettings database, java.util.UUID userId) {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
                var update = c.prepareStatement("UPDATE users SET email_verified_at = now() WHERE id = ?")) {
            update.setObject(1, userId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not verify the test user's email: " + e.getMessage(), e);
        }
    }

    private static ServerConfig.DatabaseSettings adminConnection(String database) {
        String external = System.getenv("PIXFINO_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            String base = external.substring(0, external.lastIndexOf('/') + 1);
            return new ServerConfig.DatabaseSettings(
                    base + database, System.getenv("PIXFINO_TEST_DB_USER"), System.getenv("PIXFINO_TEST_DB_PASSWORD"));
        }
        if (embedded == null) {
            embedded = EmbeddedDatabase.start(
                    TestDirs.root()
                            .resolve(
                                    "shared-postgres-" + ProcessHandle.current().pid()),
                    false);
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "test-postgres-stop"));
        }
        return new ServerConfig.DatabaseSettings(embedded.jdbcUrl(database), "postgres", null);
    }

    /** Where a test keeps its files: under target/, never the shared tmp. */
    public static final class TestDirs {
        private TestDirs() {}

        public static Path root() {
            return Path.of(System.getProperty("pixfino.test.dataRoot", "target/test-data"))
                    .toAbsolutePath();
        }

        public static Path fresh(String prefix) {
            return root().resolve(prefix + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet());
        }
    }
}
