package com.pixfino.studio.core.gallery;

import com.pixfino.model.MediaKind;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.store.LocalFiles;
import com.pixfino.studio.core.store.SqliteFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The local gallery: metadata in SQLite, thumbnails and originals as files, one part per account.
 * Blocking and thread-safe; it refuses the JavaFX thread.
 */
public final class GalleryCache implements AutoCloseable {

    /** The gallery's table; the library ({@code LibraryCatalog}) opens the same file and migrates it in place. */
    public static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS gallery_items (
              owner TEXT NOT NULL,
              id TEXT NOT NULL,
              preset_name TEXT,
              kind TEXT NOT NULL,
              prompt TEXT,
              content_type TEXT,
              width INTEGER,
              height INTEGER,
              created_at INTEGER NOT NULL,
              thumbnail_file TEXT,
              original_file TEXT,
              PRIMARY KEY (owner, id))""";

    private static final String COLUMNS =
            "id, preset_name, kind, prompt, content_type, width, height, created_at, thumbnail_file, original_file";

    private final Connection db;
    private final Path files;
    private final UiThreadGuard guard;

    private GalleryCache(Connection db, Path files, UiThreadGuard guard) {
        this.db = db;
        this.files = files;
        this.guard = guard;
    }

    public static GalleryCache open(Path database, Path files, UiThreadGuard guard) throws IOException {
        guard.refuse("GalleryCache");
        Files.createDirectories(files);
        try {
            Connection db = SqliteFiles.open(database);
            try (Statement statement = db.createStatement()) {
                statement.execute(SCHEMA);
                statement.execute(
                        "CREATE INDEX IF NOT EXISTS gallery_items_newest ON gallery_items (owner, created_at DESC)");
            }
            return new GalleryCache(db, files, guard);
        } catch (SQLException e) {
            throw new IOException("The gallery cache " + database + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** The owner's results, newest first. */
    public synchronized List<GalleryItem> items(String owner) throws IOException {
        guard.refuse("GalleryCache");
        String sql = "SELECT " + COLUMNS + " FROM gallery_items WHERE owner = ? ORDER BY created_at DESC, id DESC";
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, owner);
            List<GalleryItem> items = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.add(read(owner, rows));
                }
            }
            return items;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public synchronized Optional<GalleryItem> item(String owner, UUID id) throws IOException {
        guard.refuse("GalleryCache");
        try (PreparedStatement query =
                db.prepareStatement("SELECT " + COLUMNS + " FROM gallery_items WHERE owner = ? AND id = ?")) {
            query.setString(1, owner);
            query.setString(2, id.toString());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(read(owner, rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Inserts or replaces an item; its files must lie in {@link #folder(String)}. */
    public synchronized void save(String owner, GalleryItem item) throws IOException {
        guard.refuse("GalleryCache");
        String sql = "INSERT OR REPLACE INTO gallery_items (owner, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            insert.setString(1, owner);
            insert.setString(2, item.id().toString());
            insert.setString(3, item.presetName());
            insert.setString(4, item.kind().name());
            insert.setString(5, item.prompt());
            insert.setString(6, item.contentType());
            SqliteFiles.setNullableInt(insert, 7, item.width());
            SqliteFiles.setNullableInt(insert, 8, item.height());
            insert.setLong(
                    9,
                    item.createdAt() == null ? 0 : item.createdAt().toInstant().toEpochMilli());
            insert.setString(10, fileName(item.thumbnail()));
            insert.setString(11, fileName(item.original()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Forgets an item and deletes its cached files. */
    public synchronized void remove(String owner, UUID id) throws IOException {
        Optional<GalleryItem> existing = item(owner, id);
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM gallery_items WHERE owner = ? AND id = ?")) {
            delete.setString(1, owner);
            delete.setString(2, id.toString());
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
        if (existing.isPresent()) {
            deleteIfPresent(existing.get().thumbnail());
            deleteIfPresent(existing.get().original());
        }
    }

    /** Forgets everything cached for the owner (their account was deleted): the rows, then the folder of files. */
    public synchronized void forgetOwner(String owner) throws IOException {
        guard.refuse("GalleryCache");
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM gallery_items WHERE owner = ?")) {
            delete.setString(1, owner);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
        Path folder = folder(owner);
        if (!folder.normalize().startsWith(files.normalize())
                || folder.normalize().equals(files.normalize())) {
            throw new IOException("Not an account folder of the gallery cache: " + folder);
        }
        LocalFiles.deleteTree(folder);
    }

    /** Where the owner's files live. */
    public Path folder(String owner) {
        return files.resolve(owner);
    }

    public Path thumbnailFile(String owner, UUID id) {
        return folder(owner).resolve(id + "-thumb.jpg");
    }

    public Path originalFile(String owner, GalleryItem item) {
        return folder(owner).resolve(item.id() + "." + item.extension());
    }

    private GalleryItem read(String owner, ResultSet rows) throws SQLException {
        Integer width = rows.getObject(6) == null ? null : rows.getInt(6);
        Integer height = rows.getObject(7) == null ? null : rows.getInt(7);
        OffsetDateTime created = OffsetDateTime.ofInstant(Instant.ofEpochMilli(rows.getLong(8)), ZoneOffset.UTC);
        return new GalleryItem(
                UUID.fromString(rows.getString(1)),
                rows.getString(2),
                MediaKind.valueOf(rows.getString(3)),
                rows.getString(4),
                rows.getString(5),
                width,
                height,
                created,
                existing(owner, rows.getString(9)),
                existing(owner, rows.getString(10)));
    }

    // A file someone deleted by hand counts as not cached: it is downloaded again when needed.
    private Path existing(String owner, String name) {
        if (name == null) {
            return null;
        }
        Path file = folder(owner).resolve(name);
        return Files.isRegularFile(file) ? file : null;
    }

    // Files always sit in the owner's folder: the name is enough, and survives moving the data directory.
    private static String fileName(Path file) {
        return file == null ? null : file.getFileName().toString();
    }

    private static void deleteIfPresent(Path file) throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    private static IOException failure(SQLException e) {
        return new IOException("The gallery cache failed: " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        SqliteFiles.close(db);
    }
}
