package com.pixfino.server.db;

import com.pixfino.server.storage.PrivateDirectories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL the server starts for itself when no external database is configured. Its data
 * lives under the server's data directory and survives restarts; unlike zonky's test defaults it
 * keeps fsync on, because the credit ledger lives here.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts (initialising on first use) the cluster in {@code dataDir/postgres}. */
    public static EmbeddedDatabase start(Path dataDir, boolean durable) {
        Path cluster = dataDir.resolve("postgres");
        Path work = dataDir.resolve("postgres-runtime");
        try {
            PrivateDirectories.create(dataDir);
            PrivateDirectories.create(cluster);
            // zonky extracts the binaries here (itself 0777 by default): no other local user may swap them
            PrivateDirectories.create(work);
            PrivateDirectories.removeGroupAndOtherWrite(work);
            stopOrphanedPostmaster(cluster);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster.toFile())
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(work.toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // our owner stops it last, after jobs and connections; zonky's own hook would race them
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200");
            if (durable) {
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            EmbeddedPostgres postgres = builder.start();
            // a first start has just extracted them: tighten what it made, for this run and the next
            PrivateDirectories.create(work);
            PrivateDirectories.removeGroupAndOtherWrite(work);
            log.info("event=embedded_db_started port={} dir={}", postgres.getPort(), cluster);
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the embedded PostgreSQL in " + cluster + ": " + e.getMessage(), e);
        }
    }

    /** A server killed with SIGKILL leaves its postmaster running on the cluster; stop it so we can start ours. */
    private static void stopOrphanedPostmaster(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()
                || !process.get().isAlive()
                || !process.get()
                        .info()
                        .command()
                        .map(c -> c.contains("postgres"))
                        .orElse(false)) {
            return;
        }
        log.warn("event=orphaned_postmaster pid={} action=stop", pid);
        process.get().destroy();
        try {
            process.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.get().destroyForcibly();
        }
    }

    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("event=embedded_db_stop_failed message={}", e.getMessage());
        }
    }
}
