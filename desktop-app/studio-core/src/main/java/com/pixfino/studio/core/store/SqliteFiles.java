package com.pixfino.studio.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The studio's local SQLite files (library, offline requests) opened one way: the folder made, write-ahead logging so
 * readers never wait for a writer, and a busy timeout so two studios on one file wait for each other instead of
 * failing.
 */
public final class SqliteFiles {

    private static final int BUSY_TIMEOUT_MS = 10_000;

    private SqliteFiles() {}

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
}
