package com.pixfino.server.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

/**
 * Starts the benches' one PostgreSQL (the server's embedded binaries, with the server's durable
 * settings), creates the {@code pixfino} database with pg_stat_statements, prints the port and exits.
 * The postmaster keeps running on its own; the bench scripts stop it with SIGINT on the pid in
 * {@code postmaster.pid}, so every server, load generator and pgbench run talks to the same cluster.
 *
 * <p>Argument: the cluster directory (emptied first).
 */
public final class BenchPostgres {

    private BenchPostgres() {}

    public static void main(String[] args) throws Exception {
        Path cluster = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(cluster);
        Path work = cluster.resolveSibling(cluster.getFileName() + "-runtime");
        Files.createDirectories(work);
        Path log = cluster.resolveSibling(cluster.getFileName() + ".log");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(cluster.toFile())
                .setCleanDataDirectory(true)
                .setOverrideWorkingDirectory(work.toFile())
                .setPGStartupWait(Duration.ofSeconds(120))
                .setRegisterShutdownHook(false)
                // the postmaster outlives this JVM: its output must not go to a pipe that closes with us
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                // what EmbeddedDatabase sets for a durable server: the ledger's commits really reach the disk
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                // statement counts per create; costs a few percent, the same for the API and pgbench runs
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track_utility", "on")
                .start();
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE pixfino");
        }
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "pixfino"));
                Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION pg_stat_statements");
        }
        System.out.println(postgres.getPort());
        // no close(): the scripts own the postmaster from here on
        System.exit(0);
    }
}
