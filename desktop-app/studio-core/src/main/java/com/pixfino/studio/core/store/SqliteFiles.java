package com.pixfino.studio.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's local SQLite files (library, offline requests) opened one way: the folder made, write-ahead logging so
 * readers never wait for a writer, and a busy timeout so two studios on one file wait for each other instead of
 * failing. Their transactions run one way too: {@link #inTransaction}.
 */
public final class SqliteFiles {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteFiles.class);
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private SqliteFiles() {}

    /**
     * Loads the driver and its native library and opens one throw-away in-memory database: about 150 ms on a cold
     * JVM that the studio spends on a thread of its own while it makes its settings and clients, so that its first
     * {@link #open} finds SQLite ready. A failure here is only logged: {@link #open} reports it where it matters.
     */
    public static void warmUp() {
        try (Connection memory = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            memory.isValid(1);
        } catch (SQLException | RuntimeException | LinkageError e) {
            LOG.debug("event=sqlite_warm_up_failed reason={}", e.toString());
        }
    }

    public static Connection open(Path database) throws IOException, SQLException {
        Files.createDirectories(database.toAbsolutePath().getParent());
        Connection db = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
        try (Statement statement = db.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
        } catch (SQLException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /**
     * Closes {@code db} on the way out. A failure is not worth reporting: every change was committed when it was
     * made, so nothing is lost.
     */
    public static void close(Connection db) {
        try {
            db.close();
        } catch (SQLException e) {
            // nothing left to save
        }
    }

    /** Binds {@code value}, or SQL NULL when there is none. */
    public static void setNullableInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    /** What runs inside {@link #inTransaction}. */
    @FunctionalInterface
    public interface Work {
        void run() throws SQLException, IOException;
    }

    /**
     * Runs {@code work} in one transaction on {@code db}: committed if it returns, rolled back if it throws (its
     * exception rethrown), auto-commit back on either way.
     */
    public static void inTransaction(Connection db, Work work) throws SQLException, IOException {
        db.setAutoCommit(false);
        try {
            work.run();
            db.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }
}
