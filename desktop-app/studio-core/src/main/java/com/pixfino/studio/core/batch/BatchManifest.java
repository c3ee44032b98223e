package com.pixfino.studio.core.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.studio.core.store.SqliteFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sqlite.SQLiteConfig;

/**
 * The batch's memory in {@code <output>/.pixfino/batch.db}: its id, the request it was started with, every item's
 * state and each content hash's upload id. Every change is committed before the engine acts on it, so a crash at any
 * point leaves a state a rerun can finish without paying twice. Thread-safe (one connection, synchronized).
 */
final class BatchManifest implements AutoCloseable {

    static final String FOLDER = ".pixfino";
    static final String FILE = "batch.db";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The request as stored: plain strings, readable by any later version. */
    record StoredRequest(
            String input,
            String output,
            List<String> presets,
            boolean recursive,
            boolean watch,
            boolean overwrite,
            String nameTemplate,
            int concurrency,
            Long maxCredits,
            int longEdge) {

        static StoredRequest of(BatchRequest r) {
            return new StoredRequest(
                    r.input().toAbsolutePath().toString(),
                    r.output().toAbsolutePath().toString(),
                    r.presets(),
                    r.recursive(),
                    r.watch(),
                    r.overwrite(),
                    r.nameTemplate(),
                    r.concurrency(),
                    r.maxCredits(),
                    r.longEdge());
        }

        BatchRequest request() {
            return new BatchRequest(
                    Path.of(input),
                    Path.of(output),
                    presets,
                    recursive,
                    watch,
                    overwrite,
                    nameTemplate,
                    concurrency,
                    maxCredits,
                    longEdge);
        }
    }

    private final Connection db;
    private boolean closed;

    private BatchManifest(Connection db) {
        this.db = db;
    }

    static Path location(Path output) {
        return output.resolve(FOLDER).resolve(FILE);
    }

    /** Opens (creating when missing) the manifest of the batch in {@code output}. */
    static BatchManifest open(Path output) throws IOException {
        Path file = location(output);
        Files.createDirectories(file.getParent());
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
                s.execute(
                        "CREATE TABLE IF NOT EXISTS uploads (content_hash TEXT PRIMARY KEY, upload_id TEXT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS items (file TEXT NOT NULL, preset TEXT NOT NULL,"
                        + " content_hash TEXT, preset_id INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL,"
                        + " attempt INTEGER NOT NULL DEFAULT 1, sent INTEGER NOT NULL DEFAULT 0, generation_id TEXT,"
                        + " credits INTEGER NOT NULL DEFAULT 0, refunded INTEGER NOT NULL DEFAULT 0, output TEXT,"
                        + " error TEXT, PRIMARY KEY (file, preset))");
            }
            return new BatchManifest(db);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The manifest of {@code output} read-only, without creating anything; empty when there is none. */
    static Optional<BatchManifest> openExisting(Path output) throws IOException {
        Path file = location(output);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            recoverAfterCrash(file);
            SQLiteConfig readOnly = new SQLiteConfig();
            readOnly.setReadOnly(true);
            return Optional.of(new BatchManifest(
                    DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), readOnly.toProperties())));
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * A process killed in the middle of a write (SIGKILL, power cut) leaves a hot journal beside the database; only a
     * writer may roll it back, and a read-only reader fails on it (SQLITE_READONLY_ROLLBACK). One read through a
     * read-write connection rolls it back, restoring the last committed state.
     */
    private static void recoverAfterCrash(Path file) throws SQLException {
        if (!Files.exists(file.resolveSibling(file.getFileName() + "-journal"))) {
            return;
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement s = db.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.executeQuery("SELECT count(*) FROM sqlite_master").close();
        }
    }

    /** The batch's id, made once and kept for good. */
    synchronized UUID batchId() throws IOException {
        Optional<String> id = meta("batch_id");
        if (id.isPresent()) {
            return UUID.fromString(id.get());
        }
        UUID made = UUID.randomUUID();
        putMeta("batch_id", made.toString());
        return made;
    }

    synchronized void saveRequest(BatchRequest request) throws IOException {
        try {
            putMeta("request", JSON.writeValueAsString(StoredRequest.of(request)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("The batch request cannot be stored", e);
        }
    }

    synchronized Optional<BatchRequest> request() throws IOException {
        Optional<String> stored = meta("request");
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(stored.get(), StoredRequest.class).request());
    }

    /** Every item, ordered by file and then by the order presets were added. */
    synchronized List<ManifestItem> items() throws IOException {
        List<ManifestItem> items = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT file, preset, content_hash, preset_id, status, attempt, sent,"
                        + " generation_id, credits, refunded, output, error FROM items ORDER BY file, rowid")) {
            while (rs.next()) {
                String generation = rs.getString(8);
                items.add(new ManifestItem(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        ItemStatus.valueOf(rs.getString(5)),
                        rs.getInt(6),
                        rs.getInt(7) != 0,
                        generation == null ? null : UUID.fromString(generation),
                        rs.getInt(9),
                        rs.getInt(10) != 0,
                        rs.getString(11),
                        rs.getString(12)));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return items;
    }

    /** Writes the item (insert or replace); ignored once the manifest is closed (a run abandoned mid-flight). */
    synchronized void put(ManifestItem item) throws IOException {
        if (closed) {
            return;
        }
        try (PreparedStatement s = db.prepareStatement("INSERT INTO items (file, preset, content_hash, preset_id,"
                + " status, attempt, sent, generation_id, credits, refunded, output, error)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (file, preset) DO UPDATE SET"
                + " content_hash = excluded.content_hash, preset_id = excluded.preset_id, status = excluded.status,"
                + " attempt = excluded.attempt, sent = excluded.sent, generation_id = excluded.generation_id,"
                + " credits = excluded.credits, refunded = excluded.refunded, output = excluded.output,"
                + " error = excluded.error")) {
            s.setString(1, item.file());
            s.setString(2, item.preset());
            s.setString(3, item.contentHash());
            s.setLong(4, item.presetId());
            s.setString(5, item.status().name());
            s.setInt(6, item.attempt());
            s.setInt(7, item.sent() ? 1 : 0);
            s.setString(
                    8, item.generationId() == null ? null : item.generationId().toString());
            s.setInt(9, item.credits());
            s.setInt(10, item.refunded() ? 1 : 0);
            s.setString(11, item.output());
            s.setString(12, item.error());
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Writes many items in one transaction: a batch of thousands starts without thousands of disk syncs. */
    synchronized void putAll(Collection<ManifestItem> items) throws IOException {
        if (closed || items.isEmpty()) {
            return;
        }
        try {
            SqliteFiles.inTransaction(db, () -> {
                for (ManifestItem item : items) {
                    put(item);
                }
            });
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    synchronized Optional<UUID> uploadId(String contentHash) throws IOException {
        try (PreparedStatement s = db.prepareStatement("SELECT upload_id FROM uploads WHERE content_hash = ?")) {
            s.setString(1, contentHash);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(UUID.fromString(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    synchronized void putUpload(String contentHash, UUID uploadId) throws IOException {
        update(
                "INSERT OR REPLACE INTO uploads (content_hash, upload_id) VALUES (?, ?)",
                contentHash,
                uploadId.toString());
    }

    /** The server no longer knows the upload: the next try uploads the photo again. */
    synchronized void forgetUpload(String contentHash) throws IOException {
        update("DELETE FROM uploads WHERE content_hash = ?", contentHash);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        SqliteFiles.close(db);
    }

    private Optional<String> meta(String key) throws IOException {
        try (PreparedStatement s = db.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void putMeta(String key, String value) throws IOException {
        update("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", key, value);
    }

    private void update(String sql, String... values) throws IOException {
        if (closed) {
            return;
        }
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static IOException failure(SQLException e) {
        return new IOException("The batch manifest (" + FOLDER + "/" + FILE + ") cannot be used: " + e.getMessage(), e);
    }
}
