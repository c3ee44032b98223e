package com.pixfino.studio.core.generate;

import com.pixfino.model.MediaKind;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.photo.PhotoInfo;
import com.pixfino.studio.core.store.LocalFiles;
import com.pixfino.studio.core.store.SqliteFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Generations waiting for the server, in SQLite with a private copy of each photo, so that nothing asked for offline
 * is lost when the studio closes. One part per account; oldest first. Blocking and thread-safe; refuses the UI thread.
 */
public final class PendingGenerations implements AutoCloseable {

    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS pending_generations (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              owner TEXT NOT NULL,
              photo_file TEXT NOT NULL,
              content_type TEXT NOT NULL,
              preset_id INTEGER NOT NULL,
              preset_name TEXT NOT NULL,
              prompt TEXT,
              kind TEXT NOT NULL,
              credits INTEGER NOT NULL,
              idempotency_key TEXT NOT NULL UNIQUE,
              upload_id TEXT,
              first_sent_at INTEGER,
              created_at INTEGER NOT NULL,
              state TEXT NOT NULL,
              failure TEXT,
              negative_prompt TEXT,
              aspect_ratio TEXT,
              seed INTEGER,
              group_id TEXT,
              style_id TEXT)""";
    // Columns added after the first release: a store made before them gains them in place, its rows kept.
    private static final List<String> ADDED_COLUMNS =
            List.of("negative_prompt TEXT", "aspect_ratio TEXT", "seed INTEGER", "group_id TEXT", "style_id TEXT");
    private static final String COLUMNS = "id, owner, photo_file, content_type, preset_id, preset_name, prompt, kind,"
            + " credits, idempotency_key, upload_id, first_sent_at, created_at, state, failure, negative_prompt,"
            + " aspect_ratio, seed, group_id, style_id";
    // Owner ids are UUIDs; anything else must not turn into a path outside the photo folder.
    private static final Pattern SAFE_OWNER = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final Connection db;
    private final Path photos;
    private final UiThreadGuard guard;

    private PendingGenerations(Connection db, Path photos, UiThreadGuard guard) {
        this.db = db;
        this.photos = photos;
        this.guard = guard;
    }

    /** Opens (or creates) the store: {@code database} for the rows, {@code photos} for the kept copies. */
    public static PendingGenerations open(Path database, Path photos, UiThreadGuard guard) throws IOException {
        guard.refuse("PendingGenerations");
        Files.createDirectories(photos);
        try {
            Connection db = SqliteFiles.open(database);
            try (Statement statement = db.createStatement()) {
                statement.execute(SCHEMA);
                upgrade(db, statement);
                statement.execute(
                        "CREATE INDEX IF NOT EXISTS pending_generations_owner ON pending_generations (owner, id)");
            }
            return new PendingGenerations(db, photos.toAbsolutePath(), guard);
        } catch (SQLException e) {
            throw new IOException("The waiting generations in " + database + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /**
     * Keeps a request: copies the photo into the studio's folder first (the original may be gone by the time the
     * server is back), then writes the row; {@code idempotencyKey} is the one the request will be sent with.
     */
    public synchronized PendingGeneration add(
            String owner,
            PhotoInfo photo,
            long presetId,
            String presetName,
            String prompt,
            MediaKind kind,
            int credits,
            String idempotencyKey,
            Instant createdAt)
            throws IOException {
        return addTakes(
                        owner,
                        photo,
                        presetId,
                        presetName,
                        prompt,
                        kind,
                        credits,
                        List.of(idempotencyKey),
                        List.of(TakeSettings.NONE),
                        createdAt)
                .get(0);
    }

    /**
     * Keeps the takes of one request, one row each with its own key and settings, sharing one copy of the photo
     * (copied first: the original may be gone by the time the server is back). All or none are kept.
     */
    public synchronized List<PendingGeneration> addTakes(
            String owner,
            PhotoInfo photo,
            long presetId,
            String presetName,
            String prompt,
            MediaKind kind,
            int credits,
            List<String> idempotencyKeys,
            List<TakeSettings> takes,
            Instant createdAt)
            throws IOException {
        return addTakes(
                owner,
                PhotoSource.local(photo),
                presetId,
                presetName,
                prompt,
                kind,
                credits,
                idempotencyKeys,
                takes,
                createdAt);
    }

    /**
     * As {@link #addTakes(String, PhotoInfo, long, String, String, MediaKind, int, List, List, Instant)}, from a
     * local photo (copied) or from a photo the server already has ("Use again": no copy, its upload id kept).
     */
    public synchronized List<PendingGeneration> addTakes(
            String owner,
            PhotoSource source,
            long presetId,
            String presetName,
            String prompt,
            MediaKind kind,
            int credits,
            List<String> idempotencyKeys,
            List<TakeSettings> takes,
            Instant createdAt)
            throws IOException {
        guard.refuse("PendingGenerations");
        if (idempotencyKeys.size() != takes.size() || takes.isEmpty()) {
            throw new IllegalArgumentException("one key per take");
        }
        Path copy = null;
        String contentType = "";
        UUID uploadId = null;
        if (source instanceof PhotoSource.Local local) {
            PhotoInfo photo = local.photo();
            Path folder = folder(owner);
            Files.createDirectories(folder);
            copy = folder.resolve(UUID.randomUUID() + extension(photo.contentType()));
            Path partial = folder.resolve(copy.getFileName() + ".part");
            Files.copy(photo.file(), partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
            contentType = photo.contentType();
        } else {
            folder(owner); // the same check of the owner id as for a copy
            uploadId = ((PhotoSource.Uploaded) source).uploadId();
        }
        String sql = "INSERT INTO pending_generations (owner, photo_file, content_type, preset_id, preset_name, prompt,"
                + " kind, credits, idempotency_key, created_at, state, negative_prompt, aspect_ratio, seed, group_id,"
                + " style_id, upload_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        List<Long> ids = new ArrayList<>();
        try {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < takes.size(); i++) {
                    TakeSettings take = takes.get(i);
                    insert.setString(1, owner);
                    insert.setString(2, copy == null ? "" : copy.getFileName().toString());
                    insert.setString(3, contentType);
                    insert.setLong(4, presetId);
                    insert.setString(5, presetName);
                    insert.setString(6, prompt);
                    insert.setString(7, kind.name());
                    insert.setInt(8, credits);
                    insert.setString(9, idempotencyKeys.get(i));
                    insert.setLong(10, createdAt.toEpochMilli());
                    insert.setString(11, PendingGeneration.State.WAITING.name());
                    insert.setString(12, take.negativePrompt());
                    insert.setString(13, take.aspectRatio());
                    if (take.seed() == null) {
                        insert.setNull(14, Types.INTEGER);
                    } else {
                        insert.setLong(14, take.seed());
                    }
                    insert.setString(
                            15, take.groupId() == null ? null : take.groupId().toString());
                    insert.setString(
                            16, take.styleId() == null ? null : take.styleId().toString());
                    insert.setString(17, uploadId == null ? null : uploadId.toString());
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        ids.add(keys.getLong(1));
                    }
                }
            }
            db.commit();
        } catch (SQLException e) {
            rollback();
            if (copy != null) {
                Files.deleteIfExists(copy);
            }
            throw failure(e);
        } finally {
            autoCommit();
        }
        List<PendingGeneration> kept = new ArrayList<>();
        for (long id : ids) {
            kept.add(find(id).orElseThrow());
        }
        return kept;
    }

    /** The owner's requests, waiting and refused, in the order they were made. */
    public synchronized List<PendingGeneration> list(String owner) throws IOException {
        guard.refuse("PendingGenerations");
        try (PreparedStatement query =
                db.prepareStatement("SELECT " + COLUMNS + " FROM pending_generations WHERE owner = ? ORDER BY id")) {
            query.setString(1, owner);
            List<PendingGeneration> found = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(read(rows));
                }
            }
            return found;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public synchronized Optional<PendingGeneration> find(long id) throws IOException {
        guard.refuse("PendingGenerations");
        try (PreparedStatement query =
                db.prepareStatement("SELECT " + COLUMNS + " FROM pending_generations WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * The photo reached the server as {@code uploadId}: a later attempt need not send it again, nor need the other
     * takes sharing its copy (even after a restart in the middle of them).
     */
    public synchronized void uploaded(long id, UUID uploadId) throws IOException {
        guard.refuse("PendingGenerations");
        try (PreparedStatement update = db.prepareStatement("UPDATE pending_generations SET upload_id = ? WHERE id = ?"
                + " OR (upload_id IS NULL AND photo_file <> ''"
                + " AND owner = (SELECT owner FROM pending_generations WHERE id = ?)"
                + " AND photo_file = (SELECT photo_file FROM pending_generations WHERE id = ?))")) {
            update.setString(1, uploadId.toString());
            update.setLong(2, id);
            update.setLong(3, id);
            update.setLong(4, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The request is about to be sent for the first time; later attempts may have to ask whether it arrived. */
    public synchronized void sending(long id, Instant at) throws IOException {
        guard.refuse("PendingGenerations");
        try (PreparedStatement update = db.prepareStatement(
                "UPDATE pending_generations SET first_sent_at = ? WHERE id = ? AND first_sent_at IS NULL")) {
            update.setLong(1, at.toEpochMilli());
            update.setLong(2, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The server refused the request (nothing was charged): kept, with its sentence, until the user removes it. */
    public synchronized void failed(long id, String reason) throws IOException {
        update(
                "UPDATE pending_generations SET state = '" + PendingGeneration.State.FAILED.name()
                        + "', failure = ? WHERE id = ?",
                reason,
                id);
    }

    /** Forgets a request and its photo copy (sent, canceled, or a refusal the user dismissed); false if it was gone. */
    public synchronized boolean remove(long id) throws IOException {
        guard.refuse("PendingGenerations");
        Optional<PendingGeneration> existing = find(id);
        if (existing.isEmpty()) {
            return false;
        }
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM pending_generations WHERE id = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
        if (existing.get().photo() != null && !photoStillUsed(existing.get())) {
            Files.deleteIfExists(existing.get().photo()); // the takes of one request share their copy
        }
        return true;
    }

    /** Forgets every request of an account and the photo copies kept for them (the account was deleted). */
    public synchronized void forgetOwner(String owner) throws IOException {
        guard.refuse("PendingGenerations");
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM pending_generations WHERE owner = ?")) {
            delete.setString(1, owner);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
        LocalFiles.deleteTree(folder(owner));
    }

    private boolean photoStillUsed(PendingGeneration gone) throws IOException {
        try (PreparedStatement query =
                db.prepareStatement("SELECT 1 FROM pending_generations WHERE owner = ? AND photo_file = ? LIMIT 1")) {
            query.setString(1, gone.owner());
            query.setString(2, gone.photo().getFileName().toString());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static void upgrade(Connection db, Statement statement) throws SQLException {
        java.util.Set<String> present = new java.util.HashSet<>();
        try (ResultSet columns = statement.executeQuery("PRAGMA table_info(pending_generations)")) {
            while (columns.next()) {
                present.add(columns.getString("name"));
            }
        }
        for (String column : ADDED_COLUMNS) {
            if (!present.contains(column.substring(0, column.indexOf(' ')))) {
                statement.execute("ALTER TABLE pending_generations ADD COLUMN " + column);
            }
        }
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException e) {
            // the insert failed already; its error is the one worth reporting
        }
    }

    private void autoCommit() throws IOException {
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void update(String sql, String value, long id) throws IOException {
        guard.refuse("PendingGenerations");
        try (PreparedStatement update = db.prepareStatement(sql)) {
            if (value == null) {
                update.setNull(1, Types.VARCHAR);
            } else {
                update.setString(1, value);
            }
            update.setLong(2, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private PendingGeneration read(ResultSet rows) throws SQLException {
        String owner = rows.getString("owner");
        String upload = rows.getString("upload_id");
        String photoFile = rows.getString("photo_file");
        return new PendingGeneration(
                rows.getLong("id"),
                owner,
                photoFile.isEmpty() ? null : folder(owner).resolve(photoFile),
                rows.getString("content_type"),
                rows.getLong("preset_id"),
                rows.getString("preset_name"),
                rows.getString("prompt"),
                MediaKind.valueOf(rows.getString("kind")),
                rows.getInt("credits"),
                rows.getString("idempotency_key"),
                upload == null ? null : UUID.fromString(upload),
                firstSentAt(rows),
                Instant.ofEpochMilli(rows.getLong("created_at")),
                PendingGeneration.State.valueOf(rows.getString("state")),
                rows.getString("failure"),
                settings(rows));
    }

    private static TakeSettings settings(ResultSet rows) throws SQLException {
        long seed = rows.getLong("seed");
        Long seedOrNull = rows.wasNull() ? null : seed;
        String group = rows.getString("group_id");
        String style = rows.getString("style_id");
        return new TakeSettings(
                rows.getString("negative_prompt"),
                rows.getString("aspect_ratio"),
                seedOrNull,
                group == null ? null : UUID.fromString(group),
                style == null ? null : UUID.fromString(style));
    }

    private static Instant firstSentAt(ResultSet rows) throws SQLException {
        long millis = rows.getLong("first_sent_at");
        return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private Path folder(String owner) {
        if (!SAFE_OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("not an account id: " + owner);
        }
        return photos.resolve(owner);
    }

    private static String extension(String contentType) {
        return switch (contentType.toLowerCase(Locale.ROOT)) {
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            default -> ".jpg";
        };
    }

    private static IOException failure(SQLException e) {
        return new IOException("The waiting generations cannot be read or written: " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        SqliteFiles.close(db);
    }
}
