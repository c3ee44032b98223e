package com.pixfino.studio.core.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.MediaKind;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.library.CollectionView;
import com.pixfino.model.api.library.DeletedGeneration;
import com.pixfino.model.api.library.LibraryChanges;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.gallery.GalleryCache;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.gallery.GalleryItem.LibraryState;
import com.pixfino.studio.core.gallery.GalleryItem.Provenance;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.settings.OriginalsCache;
import com.pixfino.studio.core.store.SqliteFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite {@link Library} of one account: the rows of the gallery cache (same file, same table, migrated in
 * place with {@code PRAGMA user_version}, so a gallery cached before keeps its items and thumbnails), tags,
 * collections, an FTS5 index over prompt, preset name and tags, the change feed's cursor, and the outbox of local
 * edits. An edit changes the rows and appends its outbox op in one transaction, so nothing a user did is lost
 * when the studio closes offline. Thumbnails and originals are files in the account's folder, downloaded on
 * demand through the {@link #connect connected} server; originals share a size cap with least-recently-used
 * eviction. Thread-safe; every method blocks and refuses the UI thread.
 */
public final class LibraryCatalog implements Library, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryCatalog.class);
    private static final int SCHEMA_VERSION = 3;
    private static final String SEPARATOR = "\u001f";

    private static final String FTS_DOCUMENT = """
            coalesce(g.prompt, '') || ' ' || coalesce(g.preset_name, '') || ' '
              || coalesce((SELECT group_concat(t.tag, ' ') FROM gallery_tags t WHERE t.owner = g.owner AND t.id = g.id), '')""";

    private static final List<String> MIGRATION_1 = List.of(
            "ALTER TABLE gallery_items ADD COLUMN status TEXT NOT NULL DEFAULT 'COMPLETED'",
            "ALTER TABLE gallery_items ADD COLUMN favorite INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE gallery_items ADD COLUMN version INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE gallery_items ADD COLUMN updated_at INTEGER",
            "ALTER TABLE gallery_items ADD COLUMN preset_id INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE gallery_items ADD COLUMN preset_version INTEGER",
            "ALTER TABLE gallery_items ADD COLUMN provider TEXT",
            "ALTER TABLE gallery_items ADD COLUMN model TEXT",
            "ALTER TABLE gallery_items ADD COLUMN credits INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE gallery_items ADD COLUMN upload_id TEXT",
            "ALTER TABLE gallery_items ADD COLUMN queued_at INTEGER",
            "ALTER TABLE gallery_items ADD COLUMN started_at INTEGER",
            "ALTER TABLE gallery_items ADD COLUMN completed_at INTEGER",
            "ALTER TABLE gallery_items ADD COLUMN original_size INTEGER",
            "ALTER TABLE gallery_items ADD COLUMN original_used_at INTEGER",
            "CREATE INDEX IF NOT EXISTS gallery_items_sorted ON gallery_items (owner, status, created_at, id)",
            "CREATE INDEX IF NOT EXISTS gallery_items_preset ON gallery_items (owner, preset_name, created_at)",
            "CREATE INDEX IF NOT EXISTS gallery_items_kind ON gallery_items (owner, kind, created_at)",
            "CREATE INDEX IF NOT EXISTS gallery_items_favorite ON gallery_items (owner, created_at) WHERE favorite = 1",
            "CREATE INDEX IF NOT EXISTS gallery_items_originals ON gallery_items (owner, original_used_at)"
                    + " WHERE original_file IS NOT NULL",
            """
            CREATE TABLE gallery_tags (
              owner TEXT NOT NULL,
              id TEXT NOT NULL,
              tag TEXT NOT NULL,
              PRIMARY KEY (owner, id, tag))""",
            "CREATE INDEX gallery_tags_by_tag ON gallery_tags (owner, tag COLLATE NOCASE, id)",
            """
            CREATE TABLE library_collections (
              owner TEXT NOT NULL,
              id TEXT NOT NULL,
              name TEXT NOT NULL,
              version INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY (owner, id))""",
            """
            CREATE TABLE collection_items (
              owner TEXT NOT NULL,
              collection_id TEXT NOT NULL,
              item_id TEXT NOT NULL,
              PRIMARY KEY (owner, collection_id, item_id))""",
            "CREATE INDEX collection_items_by_item ON collection_items (owner, item_id)",
            """
            CREATE TABLE library_outbox (
              seq INTEGER PRIMARY KEY AUTOINCREMENT,
              owner TEXT NOT NULL,
              kind TEXT NOT NULL,
              target TEXT NOT NULL,
              body TEXT NOT NULL,
              created_at INTEGER NOT NULL)""",
            "CREATE INDEX library_outbox_owner ON library_outbox (owner, seq)",
            "CREATE TABLE library_sync (owner TEXT PRIMARY KEY, cursor TEXT)",
            // prefix indexes of 2 and 3 characters keep "sn*" and "sno*" cheap at 50,000 rows
            "CREATE VIRTUAL TABLE gallery_fts USING fts5(doc, tokenize = 'unicode61 remove_diacritics 2',"
                    + " prefix = '2 3')",
            "CREATE TRIGGER gallery_items_fts_insert AFTER INSERT ON gallery_items BEGIN"
                    + " INSERT INTO gallery_fts (rowid, doc) SELECT g.rowid, " + FTS_DOCUMENT
                    + " FROM gallery_items g WHERE g.rowid = new.rowid; END",
            "CREATE TRIGGER gallery_items_fts_update AFTER UPDATE OF prompt, preset_name ON gallery_items BEGIN"
                    + " DELETE FROM gallery_fts WHERE rowid = old.rowid;"
                    + " INSERT INTO gallery_fts (rowid, doc) SELECT g.rowid, " + FTS_DOCUMENT
                    + " FROM gallery_items g WHERE g.rowid = new.rowid; END",
            "CREATE TRIGGER gallery_items_fts_delete AFTER DELETE ON gallery_items BEGIN"
                    + " DELETE FROM gallery_fts WHERE rowid = old.rowid; END",
            "CREATE TRIGGER gallery_tags_fts_insert AFTER INSERT ON gallery_tags BEGIN"
                    + " DELETE FROM gallery_fts WHERE rowid ="
                    + " (SELECT rowid FROM gallery_items WHERE owner = new.owner AND id = new.id);"
                    + " INSERT INTO gallery_fts (rowid, doc) SELECT g.rowid, " + FTS_DOCUMENT
                    + " FROM gallery_items g WHERE g.owner = new.owner AND g.id = new.id; END",
            "CREATE TRIGGER gallery_tags_fts_delete AFTER DELETE ON gallery_tags BEGIN"
                    + " DELETE FROM gallery_fts WHERE rowid ="
                    + " (SELECT rowid FROM gallery_items WHERE owner = old.owner AND id = old.id);"
                    + " INSERT INTO gallery_fts (rowid, doc) SELECT g.rowid, " + FTS_DOCUMENT
                    + " FROM gallery_items g WHERE g.owner = old.owner AND g.id = old.id; END",
            // items cached before this version get their search entry
            "INSERT INTO gallery_fts (rowid, doc) SELECT g.rowid, " + FTS_DOCUMENT + " FROM gallery_items g");

    // Version 2: tags no longer rewrite the search entry once per tag (a first sync wrote it three times per item);
    // the catalogue writes tags before the item's row, whose own trigger then indexes them, and refreshes the entry
    // itself after a local tag edit.
    private static final List<String> MIGRATION_2 =
            List.of("DROP TRIGGER IF EXISTS gallery_tags_fts_insert", "DROP TRIGGER IF EXISTS gallery_tags_fts_delete");

    // Version 3 (issue 14): the format, seed, group of takes and style of each result; indexes for the format
    // filter and for showing one group. Rows synced before keep null there until the server sends them again.
    private static final List<String> MIGRATION_3 = List.of(
            "ALTER TABLE gallery_items ADD COLUMN aspect_ratio TEXT",
            "ALTER TABLE gallery_items ADD COLUMN seed INTEGER",
            "ALTER TABLE gallery_items ADD COLUMN group_id TEXT",
            "ALTER TABLE gallery_items ADD COLUMN style_id TEXT",
            "CREATE INDEX IF NOT EXISTS gallery_items_format ON gallery_items (owner, aspect_ratio, created_at)",
            "CREATE INDEX IF NOT EXISTS gallery_items_group ON gallery_items (owner, group_id, created_at)"
                    + " WHERE group_id IS NOT NULL");

    private static final String COLUMNS = "g.id, g.preset_name, g.kind, g.prompt, g.content_type, g.width, g.height,"
            + " g.created_at, g.thumbnail_file, g.original_file, g.favorite, g.version, g.preset_id, g.preset_version,"
            + " g.provider, g.model, g.credits, g.upload_id, g.queued_at, g.started_at, g.completed_at,"
            + " g.aspect_ratio, g.seed, g.group_id, g.style_id,"
            // a take's place in its group, through the group index: which finished take, of how many
            + " CASE WHEN g.group_id IS NULL THEN 0 ELSE (SELECT count(*) FROM gallery_items x WHERE x.owner = g.owner"
            + " AND x.group_id = g.group_id AND x.status = 'COMPLETED' AND (x.created_at < g.created_at"
            + " OR (x.created_at = g.created_at AND x.id <= g.id))) END,"
            + " CASE WHEN g.group_id IS NULL THEN 0 ELSE (SELECT count(*) FROM gallery_items x WHERE x.owner = g.owner"
            + " AND x.group_id = g.group_id AND x.status = 'COMPLETED') END,"
            + " (SELECT group_concat(t.tag, char(31)) FROM gallery_tags t WHERE t.owner = g.owner AND t.id = g.id),"
            + " (SELECT group_concat(c.collection_id, char(31)) FROM collection_items c"
            + " WHERE c.owner = g.owner AND c.item_id = g.id)";

    private final Connection db;
    private final Path folder;
    private final String owner;
    private final UiThreadGuard guard;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile CompanionApi api;
    private final java.util.concurrent.atomic.AtomicLong lastUse = new java.util.concurrent.atomic.AtomicLong();
    private volatile Runnable editHook = () -> {};
    private volatile long originalsCap = OriginalsCache.DEFAULT_CAP_BYTES;

    private LibraryCatalog(Connection db, Path folder, String owner, UiThreadGuard guard, Clock clock) {
        this.db = db;
        this.folder = folder;
        this.owner = owner;
        this.guard = guard;
        this.clock = clock;
    }

    /**
     * Opens (creating or migrating) the library database; {@code files} holds one folder per account, as the
     * gallery cache had it. The catalogue is offline until {@link #connect} gives it a server.
     */
    public static LibraryCatalog open(Path database, Path files, String owner, UiThreadGuard guard) throws IOException {
        return open(database, files, owner, guard, Clock.systemUTC());
    }

    static LibraryCatalog open(Path database, Path files, String owner, UiThreadGuard guard, Clock clock)
            throws IOException {
        guard.refuse("LibraryCatalog");
        Path folder = files.resolve(owner);
        Files.createDirectories(folder);
        Connection db;
        try {
            db = SqliteFiles.open(database);
        } catch (SQLException e) {
            throw new IOException("The library " + database + " cannot be opened: " + e.getMessage(), e);
        }
        LibraryCatalog catalog = new LibraryCatalog(db, folder, owner, guard, clock);
        try {
            catalog.migrate();
        } catch (SQLException | IOException e) {
            catalog.close();
            throw new IOException("The library " + database + " cannot be upgraded: " + e.getMessage(), e);
        }
        return catalog;
    }

    private void migrate() throws SQLException, IOException {
        try (Statement statement = db.createStatement()) {
            statement.execute("PRAGMA synchronous=NORMAL");
        }
        // BEGIN IMMEDIATE: two studios opening one old file at once must not both migrate it
        db.setAutoCommit(false);
        try (Statement statement = db.createStatement()) {
            // the gallery cache's table (schema version 0), the same file: kept as it is, columns are added
            statement.execute(GalleryCache.SCHEMA);
            int version;
            try (ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
                version = rows.next() ? rows.getInt(1) : 0;
            }
            if (version > SCHEMA_VERSION) {
                throw new IOException("it was written by a newer Pixfino Studio");
            }
            if (version < 1) {
                for (String sql : MIGRATION_1) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = 1");
            }
            if (version < 2) {
                for (String sql : MIGRATION_2) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = 2");
            }
            if (version < 3) {
                for (String sql : MIGRATION_3) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = 3");
            }
            db.commit();
        } catch (SQLException | IOException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
        measureLegacyOriginals();
    }

    // Originals cached before the size cap existed have no size in the table: read it from the file once.
    private void measureLegacyOriginals() throws SQLException, IOException {
        List<String[]> unmeasured = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT id, original_file FROM gallery_items"
                + " WHERE owner = ? AND original_file IS NOT NULL AND original_size IS NULL")) {
            query.setString(1, owner);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    unmeasured.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
        }
        for (String[] row : unmeasured) {
            Path file = folder.resolve(row[1]);
            try (PreparedStatement update = db.prepareStatement("UPDATE gallery_items SET original_size = ?,"
                    + " original_used_at = ?, original_file = ? WHERE owner = ? AND id = ?")) {
                if (Files.isRegularFile(file)) {
                    update.setLong(1, Files.size(file));
                    update.setLong(2, clock.millis());
                    update.setString(3, row[1]);
                } else {
                    update.setNull(1, Types.INTEGER);
                    update.setNull(2, Types.INTEGER);
                    update.setNull(3, Types.VARCHAR);
                }
                update.setString(4, owner);
                update.setString(5, row[0]);
                update.executeUpdate();
            }
        }
    }

    /** The server to download files from; null while offline. */
    public void connect(CompanionApi server) {
        this.api = server;
    }

    CompanionApi api() {
        return api;
    }

    public String owner() {
        return owner;
    }

    /** The size cap of the cached originals; a smaller one evicts at once. */
    public synchronized void setOriginalsCap(long bytes) throws IOException {
        new OriginalsCache(bytes);
        this.originalsCap = bytes;
        evictOriginals(null);
    }

    public long originalsCap() {
        return originalsCap;
    }

    // ---- queries -------------------------------------------------------------------------------------------

    @Override
    public int count(LibraryQuery query) throws IOException {
        guard.refuse("LibraryCatalog");
        Where where = where(query);
        if (where == null) {
            return 0;
        }
        synchronized (this) {
            try (PreparedStatement statement =
                    db.prepareStatement("SELECT count(*) FROM gallery_items g WHERE " + where.sql)) {
                where.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? rows.getInt(1) : 0;
                }
            } catch (SQLException e) {
                throw failure(e);
            }
        }
    }

    @Override
    public List<GalleryItem> page(LibraryQuery query, int offset, int limit) throws IOException {
        guard.refuse("LibraryCatalog");
        Where where = where(query);
        if (where == null || limit <= 0) {
            return List.of();
        }
        String sql =
                "SELECT " + COLUMNS + " FROM gallery_items g WHERE " + where.sql + order(query) + " LIMIT ? OFFSET ?";
        synchronized (this) {
            try (PreparedStatement statement = db.prepareStatement(sql)) {
                int next = where.bind(statement);
                statement.setInt(next, limit);
                statement.setInt(next + 1, Math.max(0, offset));
                List<GalleryItem> items = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        items.add(read(rows));
                    }
                }
                return items;
            } catch (SQLException e) {
                throw failure(e);
            }
        }
    }

    @Override
    public List<UUID> ids(LibraryQuery query) throws IOException {
        guard.refuse("LibraryCatalog");
        Where where = where(query);
        if (where == null) {
            return List.of();
        }
        synchronized (this) {
            try (PreparedStatement statement =
                    db.prepareStatement("SELECT g.id FROM gallery_items g WHERE " + where.sql + order(query))) {
                where.bind(statement);
                List<UUID> ids = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(UUID.fromString(rows.getString(1)));
                    }
                }
                return ids;
            } catch (SQLException e) {
                throw failure(e);
            }
        }
    }

    @Override
    public synchronized Optional<GalleryItem> item(UUID id) throws IOException {
        guard.refuse("LibraryCatalog");
        try (PreparedStatement statement =
                db.prepareStatement("SELECT " + COLUMNS + " FROM gallery_items g WHERE g.owner = ? AND g.id = ?")) {
            statement.setString(1, owner);
            statement.setString(2, id.toString());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public synchronized List<CollectionView> collections() throws IOException {
        guard.refuse("LibraryCatalog");
        String sql = "SELECT c.id, c.name, c.version, (SELECT count(*) FROM collection_items i JOIN gallery_items g"
                + " ON g.owner = i.owner AND g.id = i.item_id AND g.status = 'COMPLETED'"
                + " WHERE i.owner = c.owner AND i.collection_id = c.id)"
                + " FROM library_collections c WHERE c.owner = ? ORDER BY c.name COLLATE NOCASE, c.id";
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, owner);
            List<CollectionView> collections = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    collections.add(new CollectionView(
                            UUID.fromString(rows.getString(1)), rows.getString(2), rows.getInt(4), rows.getLong(3)));
                }
            }
            return collections;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public List<String> tags() throws IOException {
        return strings("SELECT DISTINCT t.tag FROM gallery_tags t JOIN gallery_items g ON g.owner = t.owner"
                + " AND g.id = t.id AND g.status = 'COMPLETED' WHERE t.owner = ? ORDER BY t.tag COLLATE NOCASE");
    }

    @Override
    public List<String> presetNames() throws IOException {
        return strings("SELECT DISTINCT preset_name FROM gallery_items WHERE owner = ? AND status = 'COMPLETED'"
                + " AND preset_name IS NOT NULL ORDER BY preset_name COLLATE NOCASE");
    }

    private synchronized List<String> strings(String sql) throws IOException {
        guard.refuse("LibraryCatalog");
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, owner);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private record Where(String sql, List<Object> values) {
        int bind(PreparedStatement statement) throws SQLException {
            int index = 1;
            for (Object value : values) {
                if (value instanceof Long number) {
                    statement.setLong(index++, number);
                } else {
                    statement.setString(index++, (String) value);
                }
            }
            return index;
        }
    }

    // null: nothing can match (search text with no searchable word is no filter, so this is never the case today)
    private Where where(LibraryQuery query) {
        StringBuilder sql = new StringBuilder("g.owner = ? AND g.status = 'COMPLETED'");
        List<Object> values = new ArrayList<>();
        values.add(owner);
        String match = SearchText.match(query.text());
        if (match != null) {
            sql.append(" AND g.rowid IN (SELECT rowid FROM gallery_fts WHERE gallery_fts MATCH ?)");
            values.add(match);
        }
        if (query.presetName() != null) {
            sql.append(" AND g.preset_name = ?");
            values.add(query.presetName());
        }
        if (query.kind() != null) {
            sql.append(" AND g.kind = ?");
            values.add(query.kind().name());
        }
        if (query.aspectRatio() != null) {
            sql.append(" AND g.aspect_ratio = ?");
            values.add(query.aspectRatio());
        }
        if (query.groupId() != null) {
            sql.append(" AND g.group_id = ?");
            values.add(query.groupId().toString());
        }
        ZoneId zone = ZoneId.systemDefault();
        if (query.from() != null) {
            sql.append(" AND g.created_at >= ?");
            values.add(query.from().atStartOfDay(zone).toInstant().toEpochMilli());
        }
        if (query.to() != null) {
            sql.append(" AND g.created_at < ?");
            values.add(query.to().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
        }
        if (query.favoritesOnly()) {
            sql.append(" AND g.favorite = 1");
        }
        if (query.collectionId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM collection_items c WHERE c.owner = g.owner"
                    + " AND c.collection_id = ? AND c.item_id = g.id)");
            values.add(query.collectionId().toString());
        }
        if (query.tag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM gallery_tags t WHERE t.owner = g.owner AND t.id = g.id"
                    + " AND t.tag = ? COLLATE NOCASE)");
            values.add(query.tag().strip());
        }
        return new Where(sql.toString(), values);
    }

    private static String order(LibraryQuery query) {
        return query.sort() == LibraryQuery.Sort.OLDEST
                ? " ORDER BY g.created_at ASC, g.id ASC"
                : " ORDER BY g.created_at DESC, g.id DESC";
    }

    private GalleryItem read(ResultSet rows) throws SQLException {
        List<String> tags = split(rows.getString(28));
        tags.sort(String.CASE_INSENSITIVE_ORDER);
        List<UUID> collections = split(rows.getString(29)).stream()
                .map(UUID::fromString)
                .sorted()
                .toList();
        UUID upload = rows.getString(18) == null ? null : UUID.fromString(rows.getString(18));
        return new GalleryItem(
                UUID.fromString(rows.getString(1)),
                rows.getString(2),
                MediaKind.valueOf(rows.getString(3)),
                rows.getString(4),
                rows.getString(5),
                integer(rows, 6),
                integer(rows, 7),
                time(rows.getLong(8)),
                existing(rows.getString(9)),
                existing(rows.getString(10)),
                new LibraryState(rows.getInt(11) != 0, tags, collections, rows.getLong(12)),
                new Provenance(
                        rows.getLong(13),
                        integer(rows, 14),
                        rows.getString(15),
                        rows.getString(16),
                        rows.getInt(17),
                        upload,
                        nullableTime(rows, 19),
                        nullableTime(rows, 20),
                        nullableTime(rows, 21),
                        rows.getString(22),
                        nullableLong(rows, 23),
                        uuid(rows.getString(24)),
                        uuid(rows.getString(25)),
                        rows.getInt(26),
                        rows.getInt(27)));
    }

    private static List<String> split(String joined) {
        List<String> values = new ArrayList<>();
        if (joined != null && !joined.isEmpty()) {
            values.addAll(List.of(joined.split(SEPARATOR)));
        }
        return values;
    }

    private static Long nullableLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static UUID uuid(String value) {
        return value == null ? null : UUID.fromString(value);
    }

    private static Integer integer(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    private static OffsetDateTime time(long millis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    private static OffsetDateTime nullableTime(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : time(value);
    }

    // A file deleted by hand counts as not cached: it is downloaded again when needed.
    private Path existing(String name) {
        if (name == null) {
            return null;
        }
        Path file = folder.resolve(name);
        return Files.isRegularFile(file) ? file : null;
    }

    // ---- files ---------------------------------------------------------------------------------------------

    /** Where the account's thumbnails and originals are kept. */
    public Path folder() {
        return folder;
    }

    Path thumbnailFile(UUID id) {
        return folder.resolve(id + "-thumb.jpg");
    }

    @Override
    public Optional<Path> thumbnail(UUID id) throws IOException {
        guard.refuse("LibraryCatalog");
        Optional<GalleryItem> item = item(id);
        if (item.isEmpty()) {
            return Optional.empty();
        }
        if (item.get().thumbnail() != null) {
            return Optional.of(item.get().thumbnail());
        }
        Path target = thumbnailFile(id);
        if (!Files.isRegularFile(target)) {
            CompanionApi server = api;
            if (server == null) {
                return Optional.empty();
            }
            try {
                server.download(id, true, target);
            } catch (IOException e) {
                LOG.debug("event=thumbnail_unavailable generation={} reason={}", id, e.getMessage());
                return Optional.empty();
            }
        }
        synchronized (this) {
            update("UPDATE gallery_items SET thumbnail_file = ? WHERE owner = ? AND id = ?", target, id);
        }
        return Optional.of(target);
    }

    /**
     * Input photo previews live in the account's folder under {@code inputs/}, one file per upload, downloaded
     * once through a temporary file (a half-written preview is never shown) and never evicted: they are small,
     * and several results share one.
     */
    @Override
    public Optional<Path> inputPhoto(UUID uploadId) throws IOException {
        guard.refuse("LibraryCatalog");
        if (uploadId == null) {
            return Optional.empty();
        }
        Path target = folder.resolve("inputs").resolve(uploadId + ".jpg");
        if (Files.isRegularFile(target)) {
            return Optional.of(target);
        }
        CompanionApi server = api;
        if (server == null) {
            return Optional.empty();
        }
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), uploadId.toString(), ".part");
        try {
            server.downloadUploadThumbnail(uploadId, partial);
            Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(target);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("event=input_photo_unavailable upload={} reason={}", uploadId, e.getMessage());
            return Optional.empty();
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Whether the thumbnail is already on disk (a prefetch skips those). */
    boolean hasThumbnail(UUID id) {
        return Files.isRegularFile(thumbnailFile(id));
    }

    @Override
    public Path original(UUID id) throws IOException {
        guard.refuse("LibraryCatalog");
        GalleryItem item = item(id).orElseThrow(() -> new IOException("This result is no longer in the library"));
        Path target = folder.resolve(id + "." + item.extension());
        if (item.original() == null) {
            CompanionApi server = api;
            if (server == null) {
                throw new IOException(
                        "The full-size file is not on this computer yet; connect to the server to" + " download it");
            }
            server.download(id, false, target);
        }
        long size = Files.size(target);
        synchronized (this) {
            try (PreparedStatement statement = db.prepareStatement("UPDATE gallery_items SET original_file = ?,"
                    + " original_size = ?, original_used_at = ? WHERE owner = ? AND id = ?")) {
                statement.setString(1, target.getFileName().toString());
                statement.setLong(2, size);
                // strictly increasing, so two opens in one millisecond still keep their order for the eviction
                statement.setLong(3, lastUse.updateAndGet(previous -> Math.max(previous + 1, clock.millis())));
                statement.setString(4, owner);
                statement.setString(5, id.toString());
                statement.executeUpdate();
            } catch (SQLException e) {
                throw failure(e);
            }
        }
        evictOriginals(id);
        return target;
    }

    @Override
    public synchronized long clearOriginals() throws IOException {
        long before = originalsSize();
        long cap = originalsCap;
        originalsCap = 0; // the eviction below, with nothing allowed: every original goes, oldest first
        try {
            evictOriginals(null);
        } finally {
            originalsCap = cap;
        }
        return before - originalsSize();
    }

    /** Total bytes of the cached originals. */
    @Override
    public synchronized long originalsSize() throws IOException {
        try (PreparedStatement statement = db.prepareStatement("SELECT coalesce(sum(original_size), 0)"
                + " FROM gallery_items WHERE owner = ? AND original_file IS NOT NULL")) {
            statement.setString(1, owner);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    // Deletes the least recently used originals until they fit under the cap; {@code keep} (just opened) stays.
    private synchronized void evictOriginals(UUID keep) throws IOException {
        long total = originalsSize();
        if (total <= originalsCap) {
            return;
        }
        List<String[]> victims = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement("SELECT id, original_file, original_size"
                + " FROM gallery_items WHERE owner = ? AND original_file IS NOT NULL"
                + " ORDER BY original_used_at ASC, id")) {
            statement.setString(1, owner);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next() && total > originalsCap) {
                    if (keep != null && keep.toString().equals(rows.getString(1))) {
                        continue;
                    }
                    victims.add(new String[] {rows.getString(1), rows.getString(2)});
                    total -= rows.getLong(3);
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        for (String[] victim : victims) {
            Files.deleteIfExists(folder.resolve(victim[1]));
            try (PreparedStatement statement = db.prepareStatement("UPDATE gallery_items SET original_file = NULL,"
                    + " original_size = NULL, original_used_at = NULL WHERE owner = ? AND id = ?")) {
                statement.setString(1, owner);
                statement.setString(2, victim[0]);
                statement.executeUpdate();
            } catch (SQLException e) {
                throw failure(e);
            }
        }
        if (!victims.isEmpty()) {
            LOG.info("event=originals_evicted count={} cap_bytes={}", victims.size(), originalsCap);
        }
    }

    private void update(String sql, Path file, UUID id) throws IOException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, file == null ? null : file.getFileName().toString());
            statement.setString(2, owner);
            statement.setString(3, id.toString());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    // ---- local edits ---------------------------------------------------------------------------------------

    @Override
    public void setFavorite(Collection<UUID> ids, boolean favorite) throws IOException {
        edit(distinct(ids).stream().map(id -> OutboxOp.favorite(id, favorite)).toList());
    }

    @Override
    public void addTags(Collection<UUID> ids, Collection<String> tags) throws IOException {
        List<String> clean = cleanTags(tags);
        if (!clean.isEmpty()) {
            edit(distinct(ids).stream()
                    .map(id -> OutboxOp.tags(OutboxOp.Kind.ADD_TAGS, id, clean))
                    .toList());
        }
    }

    @Override
    public void removeTags(Collection<UUID> ids, Collection<String> tags) throws IOException {
        List<String> clean = cleanTags(tags);
        if (!clean.isEmpty()) {
            edit(distinct(ids).stream()
                    .map(id -> OutboxOp.tags(OutboxOp.Kind.REMOVE_TAGS, id, clean))
                    .toList());
        }
    }

    @Override
    public UUID createCollection(String name) throws IOException {
        UUID id = UUID.randomUUID();
        edit(List.of(OutboxOp.collection(OutboxOp.Kind.CREATE_COLLECTION, id, collectionName(name))));
        return id;
    }

    @Override
    public void renameCollection(UUID id, String name) throws IOException {
        edit(List.of(OutboxOp.collection(OutboxOp.Kind.RENAME_COLLECTION, id, collectionName(name))));
    }

    @Override
    public void deleteCollection(UUID id) throws IOException {
        edit(List.of(OutboxOp.collection(OutboxOp.Kind.DELETE_COLLECTION, id, null)));
    }

    @Override
    public void addToCollection(UUID collectionId, Collection<UUID> ids) throws IOException {
        List<UUID> items = distinct(ids);
        if (!items.isEmpty()) {
            edit(List.of(OutboxOp.items(collectionId, items, List.of())));
        }
    }

    @Override
    public void removeFromCollection(UUID collectionId, Collection<UUID> ids) throws IOException {
        List<UUID> items = distinct(ids);
        if (!items.isEmpty()) {
            edit(List.of(OutboxOp.items(collectionId, List.of(), items)));
        }
    }

    @Override
    public void delete(Collection<UUID> ids) throws IOException {
        edit(distinct(ids).stream().map(OutboxOp::deleteGeneration).toList());
    }

    private static List<UUID> distinct(Collection<UUID> ids) {
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    private static List<String> cleanTags(Collection<String> tags) {
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag != null && !tag.isBlank()) {
                clean.add(tag.strip());
            }
        }
        return List.copyOf(clean);
    }

    private static String collectionName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A collection needs a name");
        }
        return name.strip();
    }

    // Applies the ops here and queues them for the server, all in one transaction.
    private void edit(List<OutboxOp> ops) throws IOException {
        guard.refuse("LibraryCatalog");
        if (ops.isEmpty()) {
            return;
        }
        List<Path> doomed = new ArrayList<>();
        synchronized (this) {
            transaction(() -> {
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO library_outbox"
                        + " (owner, kind, target, body, created_at) VALUES (?, ?, ?, ?, ?)")) {
                    for (OutboxOp op : ops) {
                        applyLocally(op, doomed);
                        insert.setString(1, owner);
                        insert.setString(2, op.kind().name());
                        insert.setString(3, op.target().toString());
                        insert.setString(4, body(op));
                        insert.setLong(5, clock.millis());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            });
        }
        deleteFiles(doomed);
        changed();
        editHook.run();
    }

    /** Runs after every local edit (the sync service replays the outbox then). */
    void onEdit(Runnable hook) {
        this.editHook = hook == null ? () -> {} : hook;
    }

    private String body(OutboxOp op) throws IOException {
        try {
            return json.writeValueAsString(new OutboxOp(
                    0, op.kind(), op.target(), op.favorite(), op.tags(), op.name(), op.add(), op.remove()));
        } catch (JsonProcessingException e) {
            throw new IOException("A library edit cannot be saved: " + e.getOriginalMessage(), e);
        }
    }

    // What an op does to the local rows; also re-applied on top of synced pages while it waits in the outbox.
    private void applyLocally(OutboxOp op, List<Path> doomed) throws SQLException {
        String target = op.target().toString();
        switch (op.kind()) {
            case FAVORITE ->
                execute(
                        "UPDATE gallery_items SET favorite = ? WHERE owner = ? AND id = ?",
                        op.favorite() ? 1L : 0L,
                        owner,
                        target);
            case ADD_TAGS -> {
                if (exists(op.target())) {
                    for (String tag : op.tags()) {
                        execute(
                                "INSERT OR IGNORE INTO gallery_tags (owner, id, tag) VALUES (?, ?, ?)",
                                owner,
                                target,
                                tag);
                    }
                    reindex(target);
                }
            }
            case REMOVE_TAGS -> {
                for (String tag : op.tags()) {
                    execute("DELETE FROM gallery_tags WHERE owner = ? AND id = ? AND tag = ?", owner, target, tag);
                }
                reindex(target);
            }
            case CREATE_COLLECTION ->
                execute(
                        "INSERT INTO library_collections (owner, id, name) VALUES (?, ?, ?)"
                                + " ON CONFLICT (owner, id) DO UPDATE SET name = excluded.name",
                        owner,
                        target,
                        op.name());
            case RENAME_COLLECTION ->
                execute("UPDATE library_collections SET name = ? WHERE owner = ? AND id = ?", op.name(), owner, target);
            case DELETE_COLLECTION -> forgetCollection(op.target());
            case COLLECTION_ITEMS -> {
                for (UUID item : op.add()) {
                    if (exists(item)) {
                        execute(
                                "INSERT OR IGNORE INTO collection_items (owner, collection_id, item_id)"
                                        + " VALUES (?, ?, ?)",
                                owner,
                                target,
                                item.toString());
                    }
                }
                for (UUID item : op.remove()) {
                    execute(
                            "DELETE FROM collection_items WHERE owner = ? AND collection_id = ? AND item_id = ?",
                            owner,
                            target,
                            item.toString());
                }
            }
            case DELETE_GENERATION -> forgetGeneration(op.target(), doomed);
        }
    }

    // The item's search entry again, after its tags changed.
    private void reindex(String id) throws SQLException {
        execute(
                "DELETE FROM gallery_fts WHERE rowid = (SELECT rowid FROM gallery_items WHERE owner = ? AND id = ?)",
                owner,
                id);
        execute(
                "INSERT INTO gallery_fts (rowid, doc) SELECT g.rowid, " + FTS_DOCUMENT
                        + " FROM gallery_items g WHERE g.owner = ? AND g.id = ?",
                owner,
                id);
    }

    private boolean exists(UUID id) throws SQLException {
        try (PreparedStatement statement =
                db.prepareStatement("SELECT 1 FROM gallery_items WHERE owner = ? AND id = ?")) {
            statement.setString(1, owner);
            statement.setString(2, id.toString());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private void forgetCollection(UUID id) throws SQLException {
        execute("DELETE FROM collection_items WHERE owner = ? AND collection_id = ?", owner, id.toString());
        execute("DELETE FROM library_collections WHERE owner = ? AND id = ?", owner, id.toString());
    }

    private void forgetGeneration(UUID id, List<Path> doomed) throws SQLException {
        String key = id.toString();
        try (PreparedStatement statement = db.prepareStatement(
                "SELECT thumbnail_file, original_file, content_type, kind FROM gallery_items WHERE owner = ? AND id = ?")) {
            statement.setString(1, owner);
            statement.setString(2, key);
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    if (rows.getString(1) != null) {
                        doomed.add(folder.resolve(rows.getString(1)));
                    }
                    if (rows.getString(2) != null) {
                        doomed.add(folder.resolve(rows.getString(2)));
                    }
                }
            }
        }
        doomed.add(thumbnailFile(id));
        execute("DELETE FROM gallery_tags WHERE owner = ? AND id = ?", owner, key);
        execute("DELETE FROM collection_items WHERE owner = ? AND item_id = ?", owner, key);
        execute("DELETE FROM gallery_items WHERE owner = ? AND id = ?", owner, key);
    }

    private void execute(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof Long number) {
                    statement.setLong(i + 1, number);
                } else {
                    statement.setString(i + 1, (String) values[i]);
                }
            }
            statement.executeUpdate();
        }
    }

    // ---- the outbox, for the replay ------------------------------------------------------------------------

    /** The edits still waiting for the server, oldest first. */
    public synchronized List<OutboxOp> pending() throws IOException {
        guard.refuse("LibraryCatalog");
        try {
            return pendingOps();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private List<OutboxOp> pendingOps() throws SQLException, IOException {
        List<OutboxOp> ops = new ArrayList<>();
        try (PreparedStatement statement =
                db.prepareStatement("SELECT seq, body FROM library_outbox WHERE owner = ? ORDER BY seq")) {
            statement.setString(1, owner);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    OutboxOp stored = json.readValue(rows.getString(2), OutboxOp.class);
                    ops.add(new OutboxOp(
                            rows.getLong(1),
                            stored.kind(),
                            stored.target(),
                            stored.favorite(),
                            stored.tags(),
                            stored.name(),
                            stored.add(),
                            stored.remove()));
                }
            }
        }
        return ops;
    }

    /** The server has the op (or refused it for good): it leaves the outbox. */
    public synchronized void done(OutboxOp op) throws IOException {
        try {
            execute("DELETE FROM library_outbox WHERE seq = ? AND owner = ?", op.seq(), owner);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    // ---- the change feed, for LibrarySync ------------------------------------------------------------------

    /** Where the change feed continues; null before the first sync. */
    public synchronized String cursor() throws IOException {
        try (PreparedStatement statement = db.prepareStatement("SELECT cursor FROM library_sync WHERE owner = ?")) {
            statement.setString(1, owner);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Applies one page of the change feed and stores its cursor, in one transaction: newer server versions
     * replace the rows (an older version never replaces a newer one), tombstones delete rows and files, and the
     * edits still in the outbox are applied again on top, so nothing the user did flickers back. Returns how many
     * generations of the page were new or changed.
     */
    public int apply(LibraryChanges page) throws IOException {
        guard.refuse("LibraryCatalog");
        List<Path> doomed = new ArrayList<>();
        int[] changed = {0};
        synchronized (this) {
            transaction(() -> {
                changed[0] = upsertAll(page.changes(), false);
                for (DeletedGeneration gone : page.deleted()) {
                    forgetGeneration(gone.id(), doomed);
                }
                for (CollectionView collection : page.collections()) {
                    execute(
                            "INSERT INTO library_collections (owner, id, name, version) VALUES (?, ?, ?, ?)"
                                    + " ON CONFLICT (owner, id) DO UPDATE SET name = excluded.name,"
                                    + " version = excluded.version WHERE excluded.version >= library_collections.version",
                            owner,
                            collection.id().toString(),
                            collection.name(),
                            collection.version());
                }
                for (UUID gone : page.deletedCollections()) {
                    forgetCollection(gone);
                }
                execute(
                        "INSERT INTO library_sync (owner, cursor) VALUES (?, ?)"
                                + " ON CONFLICT (owner) DO UPDATE SET cursor = excluded.cursor",
                        owner,
                        page.cursor());
                reapplyPending(doomed);
            });
        }
        deleteFiles(doomed);
        if (changed[0] > 0
                || !page.deleted().isEmpty()
                || !page.collections().isEmpty()
                || !page.deletedCollections().isEmpty()) {
            changed();
        }
        return changed[0];
    }

    /**
     * The server's view of one generation replaces the local row whatever its version (after the server refused
     * an edit of it), then the edits still waiting are applied on top.
     */
    public void refresh(GenerationView view) throws IOException {
        guard.refuse("LibraryCatalog");
        List<Path> doomed = new ArrayList<>();
        synchronized (this) {
            transaction(() -> {
                upsertAll(List.of(view), true);
                reapplyPending(doomed);
            });
        }
        deleteFiles(doomed);
        changed();
    }

    /** The generation is gone from the server: forget it here. */
    public void forget(UUID id) throws IOException {
        List<Path> doomed = new ArrayList<>();
        synchronized (this) {
            transaction(() -> forgetGeneration(id, doomed));
        }
        deleteFiles(doomed);
        changed();
    }

    /** The collection is gone from the server (its creation was refused): forget it here. */
    public void forgetCollectionLocally(UUID id) throws IOException {
        synchronized (this) {
            transaction(() -> forgetCollection(id));
        }
        changed();
    }

    /**
     * The server cannot continue from our cursor: forget the synced rows, tags and collections (the outbox stays,
     * and cached files stay for the ids that come back) so the next sync starts from the beginning.
     */
    public void resetForResync() throws IOException {
        guard.refuse("LibraryCatalog");
        synchronized (this) {
            transaction(() -> {
                execute("DELETE FROM gallery_tags WHERE owner = ?", owner);
                execute("DELETE FROM collection_items WHERE owner = ?", owner);
                execute("DELETE FROM library_collections WHERE owner = ?", owner);
                execute("DELETE FROM gallery_items WHERE owner = ?", owner);
                execute("DELETE FROM library_sync WHERE owner = ?", owner);
            });
        }
        changed();
    }

    private void reapplyPending(List<Path> doomed) throws SQLException, IOException {
        for (OutboxOp op : pendingOps()) {
            applyLocally(op, doomed);
        }
    }

    private int upsertAll(List<GenerationView> views, boolean force) throws SQLException {
        if (views.isEmpty()) {
            return 0;
        }
        String sql = "INSERT INTO gallery_items (owner, id, preset_name, kind, prompt, content_type, width, height,"
                + " created_at, status, favorite, version, updated_at, preset_id, provider, model, credits, upload_id,"
                + " queued_at, started_at, completed_at, preset_version, aspect_ratio, seed, group_id, style_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (owner, id) DO UPDATE SET preset_name = excluded.preset_name,"
                + " kind = excluded.kind, prompt = excluded.prompt, content_type = excluded.content_type,"
                + " width = excluded.width, height = excluded.height, created_at = excluded.created_at,"
                + " status = excluded.status, favorite = excluded.favorite, version = excluded.version,"
                + " updated_at = excluded.updated_at, preset_id = excluded.preset_id, provider = excluded.provider,"
                + " model = excluded.model, credits = excluded.credits, upload_id = excluded.upload_id,"
                + " queued_at = excluded.queued_at, started_at = excluded.started_at,"
                + " completed_at = excluded.completed_at, preset_version = excluded.preset_version,"
                + " aspect_ratio = excluded.aspect_ratio, seed = excluded.seed, group_id = excluded.group_id,"
                + " style_id = excluded.style_id";
        // one query for the versions already stored, then every statement once per page in batches: per-row
        // round trips into SQLite were most of a first sync's time
        Map<String, Long> known = force ? Map.of() : knownVersions(views);
        int changed = 0;
        try (PreparedStatement upsert = db.prepareStatement(sql);
                PreparedStatement clearTags =
                        db.prepareStatement("DELETE FROM gallery_tags WHERE owner = ? AND id = ?");
                PreparedStatement addTag =
                        db.prepareStatement("INSERT OR IGNORE INTO gallery_tags (owner, id, tag) VALUES (?, ?, ?)");
                PreparedStatement clearCollections =
                        db.prepareStatement("DELETE FROM collection_items WHERE owner = ? AND item_id = ?");
                PreparedStatement addCollection = db.prepareStatement("INSERT OR IGNORE INTO collection_items"
                        + " (owner, collection_id, item_id) VALUES (?, ?, ?)")) {
            boolean clears = false;
            boolean tags = false;
            boolean collections = false;
            for (GenerationView view : views) {
                String id = view.id().toString();
                Long stored = known.get(id);
                if (!force && stored != null && stored > view.version()) {
                    continue; // the local row is newer
                }
                changed++;
                if (force || stored != null) {
                    clearTags.setString(1, owner);
                    clearTags.setString(2, id);
                    clearTags.addBatch();
                    clearCollections.setString(1, owner);
                    clearCollections.setString(2, id);
                    clearCollections.addBatch();
                    clears = true;
                }
                for (String tag : view.tags()) {
                    addTag.setString(1, owner);
                    addTag.setString(2, id);
                    addTag.setString(3, tag);
                    addTag.addBatch();
                    tags = true;
                }
                for (UUID collection : view.collectionIds()) {
                    addCollection.setString(1, owner);
                    addCollection.setString(2, collection.toString());
                    addCollection.setString(3, id);
                    addCollection.addBatch();
                    collections = true;
                }
                OffsetDateTime shown = view.completedAt() != null ? view.completedAt() : view.createdAt();
                upsert.setString(1, owner);
                upsert.setString(2, id);
                upsert.setString(3, view.presetName());
                upsert.setString(4, (view.kind() == null ? MediaKind.IMAGE : view.kind()).name());
                upsert.setString(5, view.prompt());
                upsert.setString(6, view.outputContentType());
                SqliteFiles.setNullableInt(upsert, 7, view.width());
                SqliteFiles.setNullableInt(upsert, 8, view.height());
                upsert.setLong(9, shown == null ? 0 : shown.toInstant().toEpochMilli());
                upsert.setString(10, (view.status() == null ? GenerationStatus.COMPLETED : view.status()).name());
                upsert.setInt(11, view.favorite() ? 1 : 0);
                upsert.setLong(12, view.version());
                setMillis(upsert, 13, view.updatedAt());
                upsert.setLong(14, view.presetId());
                upsert.setString(15, view.provider());
                upsert.setString(16, view.model());
                upsert.setInt(17, view.creditsCharged());
                upsert.setString(
                        18, view.uploadId() == null ? null : view.uploadId().toString());
                setMillis(upsert, 19, view.createdAt());
                setMillis(upsert, 20, view.startedAt());
                setMillis(upsert, 21, view.completedAt());
                SqliteFiles.setNullableInt(upsert, 22, view.presetVersion());
                upsert.setString(23, view.aspectRatio());
                if (view.seed() == null) {
                    upsert.setNull(24, Types.INTEGER);
                } else {
                    upsert.setLong(24, view.seed());
                }
                upsert.setString(
                        25, view.groupId() == null ? null : view.groupId().toString());
                upsert.setString(
                        26, view.styleId() == null ? null : view.styleId().toString());
                upsert.addBatch();
            }
            if (changed == 0) {
                return 0;
            }
            // tags first: the row's insert (or update) trigger then indexes prompt, preset and tags at once
            if (clears) {
                clearTags.executeBatch();
                clearCollections.executeBatch();
            }
            if (tags) {
                addTag.executeBatch();
            }
            if (collections) {
                addCollection.executeBatch();
            }
            upsert.executeBatch();
        }
        return changed;
    }

    /** The versions stored for the page's ids that are already here, in chunks SQLite's parameter limit allows. */
    private Map<String, Long> knownVersions(List<GenerationView> views) throws SQLException {
        Map<String, Long> known = new HashMap<>();
        int chunk = 500;
        for (int from = 0; from < views.size(); from += chunk) {
            List<GenerationView> part = views.subList(from, Math.min(views.size(), from + chunk));
            String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
            try (PreparedStatement statement = db.prepareStatement(
                    "SELECT id, version FROM gallery_items WHERE owner = ? AND id IN (" + marks + ")")) {
                statement.setString(1, owner);
                for (int i = 0; i < part.size(); i++) {
                    statement.setString(i + 2, part.get(i).id().toString());
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        known.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
        }
        return known;
    }

    private static void setMillis(PreparedStatement statement, int index, OffsetDateTime value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value.toInstant().toEpochMilli());
        }
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    private void transaction(SqliteFiles.Work work) throws IOException {
        try {
            SqliteFiles.inTransaction(db, work);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static void deleteFiles(List<Path> files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("event=library_file_not_deleted file={} reason={}", file.getFileName(), e.getMessage());
            }
        }
    }

    @Override
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** Tells the listeners that the library changed. */
    void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("event=library_listener_failed reason={}", e.toString());
            }
        }
    }

    private static IOException failure(SQLException e) {
        return new IOException("The library failed: " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        SqliteFiles.close(db);
    }
}
