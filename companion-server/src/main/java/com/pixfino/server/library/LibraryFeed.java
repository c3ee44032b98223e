package com.pixfino.server.library;

import static com.pixfino.server.db.jooq.Tables.COLLECTIONS;
import static com.pixfino.server.db.jooq.Tables.COLLECTION_ITEMS;
import static com.pixfino.server.db.jooq.Tables.GENERATIONS;
import static com.pixfino.server.db.jooq.Tables.LIBRARY_TOMBSTONES;

import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.library.CollectionView;
import com.pixfino.model.api.library.DeletedGeneration;
import com.pixfino.model.api.library.LibraryChanges;
import com.pixfino.server.db.jooq.tables.records.LibraryTombstonesRecord;
import com.pixfino.server.domain.CursorKey;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.generation.GenerationService;
import com.pixfino.server.generation.GenerationStore;
import com.pixfino.server.generation.LibraryHorizon;
import com.pixfino.server.styles.StyleService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * {@code GET /api/v1/library/changes}: what changed in a user's library after a cursor.
 *
 * <p><b>Why the cursor never skips a change.</b> Versions come from a sequence and are taken before commit, so
 * transactions commit out of version order: a reader that served "everything with version &gt; 41" and then saw 43
 * commit could hand out a cursor past 42, which commits a moment later and is never served. Instead every served row
 * (generation, collection, style, tombstone) carries, set by a trigger on every insert and update, its {@code version} and
 * {@code change_xid}, the id of the transaction that last changed it ({@code pg_current_xact_id()}). A page is read in
 * one REPEATABLE READ snapshot whose {@code xmin} ({@code pg_snapshot_xmin(pg_current_snapshot())}) is the oldest
 * transaction still running when it was taken: every transaction with a smaller id has ended, so its rows are either
 * in the snapshot or never will be. The page serves only rows with {@code change_xid < xmin}, in
 * {@code (change_xid, version)} order, and the cursor is the position of the last row served. Any change not yet
 * served is made by a transaction that was running at the snapshot or began later, so its id is at least {@code xmin},
 * greater than every position the cursor can hold: it is served by a later page. The price is that a change waits
 * for every older transaction still open (all are short here) before the feed shows it. Version order per item is
 * still right: a later change of a row takes its version after the earlier one's row lock is released (the trigger
 * runs once the row is locked).
 *
 * <p>{@code xmin} counts every writing transaction of the PostgreSQL server, so one left open anywhere on it delays
 * the feed (never loses a change) until it ends; read-only transactions have no id and do not count. The
 * {@code library} SSE event waits for the same horizon ({@link LibraryHorizon}), so the pull it triggers finds the
 * change.
 *
 * <p>A cursor also carries the time from which the client's copy is complete; older than the tombstone window means
 * tombstones it needs may be purged, so the answer is {@code resetRequired}.
 */
public final class LibraryFeed implements LibraryHorizon {

    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 1000;
    static final String TOMBSTONE_COLLECTION = "COLLECTION";

    private final DSLContext dsl;
    private final GenerationService generations;
    private final Duration tombstoneWindow;
    private final Clock clock;
    private final CursorKey cursorKey;

    /** Reads (the first server on a database: creates) the key that signs cursors; see {@link CursorKey#load}. */
    public LibraryFeed(DSLContext dsl, GenerationService generations, Duration tombstoneWindow, Clock clock) {
        this.dsl = dsl;
        this.cursorKey = CursorKey.load(dsl);
        this.generations = generations;
        this.tombstoneWindow = tombstoneWindow;
        this.clock = clock;
    }

    /** A position in one table of the feed. */
    private record Position(long xid, long version) implements Comparable<Position> {
        @Override
        public int compareTo(Position o) {
            int byXid = Long.compare(xid, o.xid);
            return byXid != 0 ? byXid : Long.compare(version, o.version);
        }
    }

    /**
     * @param cursorText null or blank: everything from the start, tombstones included
     * @throws DomainException INVALID for a limit outside 1–{@value #MAX_LIMIT} or a cursor this feed did not hand out
     *                         to this user
     */
    public LibraryChanges changes(UUID userId, String cursorText, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("invalid_limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ".");
        }
        Instant now = clock.instant();
        LibraryCursor cursor = parse(userId, cursorText, now);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            tx.execute("set transaction isolation level repeatable read, read only");
            Snapshot snapshot = snapshot(tx);
            // positions are only ever handed out below a snapshot's xmax and at or below the sequence's last value
            if (cursor.xid() > snapshot.xmax() || cursor.version() > snapshot.lastVersion()) {
                throw invalidCursor();
            }
            if (cursor.since().isBefore(now.minus(tombstoneWindow))) {
                return new LibraryChanges(null, null, null, null, null, false, true);
            }
            return page(tx, userId, cursor, limit, snapshot.xmin(), now);
        });
    }

    @Override
    public long committedBelow() {
        return snapshot(dsl).xmax();
    }

    @Override
    public long endedBelow() {
        return snapshot(dsl).xmin();
    }

    /** A cursor a {@code library} event carries: at or after every change the user's library has committed. */
    @Override
    public String eventCursor(UUID userId) {
        Snapshot snapshot = snapshot(dsl);
        return new LibraryCursor(userId, snapshot.xmax(), 0, clock.instant()).encode(cursorKey);
    }

    private record Snapshot(long xmin, long xmax, long lastVersion) {}

    private static Snapshot snapshot(DSLContext tx) {
        Record row = tx.fetchOne("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint as xmin,"
                + " pg_snapshot_xmax(pg_current_snapshot())::text::bigint as xmax,"
                + " (select last_value from library_version_seq) as last_version");
        return new Snapshot(
                row.get("xmin", Long.class), row.get("xmax", Long.class), row.get("last_version", Long.class));
    }

    private LibraryChanges page(DSLContext tx, UUID userId, LibraryCursor cursor, int limit, long xmin, Instant now) {
        Position from = new Position(cursor.xid(), cursor.version());
        List<Record> changed = generations
                .selectViews(tx)
                .where(GENERATIONS.USER_ID.eq(userId))
                .and(DSL.row(GENERATIONS.CHANGE_XID, GENERATIONS.VERSION).gt(from.xid(), from.version()))
                .and(GENERATIONS.CHANGE_XID.lt(xmin))
                .orderBy(GENERATIONS.CHANGE_XID, GENERATIONS.VERSION)
                .limit(limit + 1)
                .fetch()
                .stream()
                .map(r -> (Record) r)
                .toList();
        List<LibraryTombstonesRecord> tombstones = tombstones(
                        tx, userId, GenerationStore.TOMBSTONE_GENERATION, from, xmin)
                .orderBy(LIBRARY_TOMBSTONES.CHANGE_XID, LIBRARY_TOMBSTONES.VERSION)
                .limit(limit + 1)
                .fetch();
        // merge the two ordered lists by position and keep the first `limit`
        List<Record> keptChanges = new ArrayList<>();
        List<LibraryTombstonesRecord> keptTombstones = new ArrayList<>();
        int c = 0;
        int t = 0;
        Position last = from;
        while (keptChanges.size() + keptTombstones.size() < limit && (c < changed.size() || t < tombstones.size())) {
            Position nextChange = c < changed.size() ? of(changed.get(c)) : null;
            Position nextTombstone = t < tombstones.size() ? of(tombstones.get(t)) : null;
            if (nextTombstone == null || (nextChange != null && nextChange.compareTo(nextTombstone) < 0)) {
                keptChanges.add(changed.get(c++));
                last = nextChange;
            } else {
                keptTombstones.add(tombstones.get(t++));
                last = nextTombstone;
            }
        }
        boolean hasMore = c < changed.size() || t < tombstones.size();
        Condition collectionsUpTo = DSL.noCondition();
        Condition tombstonesUpTo = DSL.noCondition();
        if (hasMore) {
            collectionsUpTo =
                    DSL.row(COLLECTIONS.CHANGE_XID, COLLECTIONS.VERSION).le(last.xid(), last.version());
            tombstonesUpTo = DSL.row(LIBRARY_TOMBSTONES.CHANGE_XID, LIBRARY_TOMBSTONES.VERSION)
                    .le(last.xid(), last.version());
        }
        List<Record> collections = tx
                .select(COLLECTIONS.ID, COLLECTIONS.NAME, COLLECTIONS.VERSION, COLLECTIONS.CHANGE_XID)
                .from(COLLECTIONS)
                .where(COLLECTIONS.USER_ID.eq(userId))
                .and(DSL.row(COLLECTIONS.CHANGE_XID, COLLECTIONS.VERSION).gt(from.xid(), from.version()))
                .and(COLLECTIONS.CHANGE_XID.lt(xmin))
                .and(collectionsUpTo)
                .orderBy(COLLECTIONS.CHANGE_XID, COLLECTIONS.VERSION)
                .fetch()
                .stream()
                .map(r -> (Record) r)
                .toList();
        List<LibraryTombstonesRecord> deletedCollections = tombstones(tx, userId, TOMBSTONE_COLLECTION, from, xmin)
                .and(tombstonesUpTo)
                .orderBy(LIBRARY_TOMBSTONES.CHANGE_XID, LIBRARY_TOMBSTONES.VERSION)
                .fetch();
        // styles ride along like collections: up to the same point, outside the limit (at most 200 live per user)
        List<StyleService.StyleChange> styles = StyleService.changedAfter(
                tx,
                userId,
                from.xid(),
                from.version(),
                xmin,
                hasMore ? StyleService.upTo(last.xid(), last.version()) : DSL.noCondition());
        List<LibraryTombstonesRecord> deletedStyles = tombstones(tx, userId, StyleService.TOMBSTONE_STYLE, from, xmin)
                .and(tombstonesUpTo)
                .orderBy(LIBRARY_TOMBSTONES.CHANGE_XID, LIBRARY_TOMBSTONES.VERSION)
                .fetch();
        if (!hasMore) {
            for (Record row : collections) {
                last = max(last, new Position(row.get(COLLECTIONS.CHANGE_XID), row.get(COLLECTIONS.VERSION)));
            }
            for (LibraryTombstonesRecord row : deletedCollections) {
                last = max(last, of(row));
            }
            for (StyleService.StyleChange style : styles) {
                last = max(last, new Position(style.changeXid(), style.view().version()));
            }
            for (LibraryTombstonesRecord row : deletedStyles) {
                last = max(last, of(row));
            }
        }
        Map<UUID, Integer> counts = itemCounts(
                tx, collections.stream().map(r -> r.get(COLLECTIONS.ID)).toList());
        List<GenerationView> views = generations.views(tx, keptChanges);
        LibraryCursor next = new LibraryCursor(userId, last.xid(), last.version(), hasMore ? cursor.since() : now);
        return new LibraryChanges(
                views,
                keptTombstones.stream()
                        .map(r -> new DeletedGeneration(r.getId(), r.getDeletedAt()))
                        .toList(),
                collections.stream()
                        .map(r -> new CollectionView(
                                r.get(COLLECTIONS.ID),
                                r.get(COLLECTIONS.NAME),
                                counts.getOrDefault(r.get(COLLECTIONS.ID), 0),
                                r.get(COLLECTIONS.VERSION)))
                        .toList(),
                deletedCollections.stream().map(LibraryTombstonesRecord::getId).toList(),
                next.encode(cursorKey),
                hasMore,
                false,
                styles.stream().map(StyleService.StyleChange::view).toList(),
                deletedStyles.stream().map(LibraryTombstonesRecord::getId).toList());
    }

    private static org.jooq.SelectConditionStep<LibraryTombstonesRecord> tombstones(
            DSLContext tx, UUID userId, String kind, Position from, long xmin) {
        return tx.selectFrom(LIBRARY_TOMBSTONES)
                .where(LIBRARY_TOMBSTONES.USER_ID.eq(userId))
                .and(LIBRARY_TOMBSTONES.KIND.eq(kind))
                .and(DSL.row(LIBRARY_TOMBSTONES.CHANGE_XID, LIBRARY_TOMBSTONES.VERSION)
                        .gt(from.xid(), from.version()))
                .and(LIBRARY_TOMBSTONES.CHANGE_XID.lt(xmin));
    }

    /** Items per collection, for the given collections, in one query. */
    static Map<UUID, Integer> itemCounts(DSLContext tx, Collection<UUID> ids) {
        Map<UUID, Integer> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        Field<Integer> count = DSL.count();
        tx.select(COLLECTION_ITEMS.COLLECTION_ID, count)
                .from(COLLECTION_ITEMS)
                .where(COLLECTION_ITEMS.COLLECTION_ID.in(ids))
                .groupBy(COLLECTION_ITEMS.COLLECTION_ID)
                .forEach(r -> counts.put(r.value1(), r.value2()));
        return counts;
    }

    private static Position of(Record generation) {
        return new Position(generation.get(GENERATIONS.CHANGE_XID), generation.get(GENERATIONS.VERSION));
    }

    private static Position of(LibraryTombstonesRecord tombstone) {
        return new Position(tombstone.getChangeXid(), tombstone.getVersion());
    }

    private static Position max(Position a, Position b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private LibraryCursor parse(UUID userId, String text, Instant now) {
        if (text == null || text.isBlank()) {
            return LibraryCursor.start(userId, now);
        }
        LibraryCursor cursor;
        try {
            cursor = LibraryCursor.decode(text, cursorKey);
        } catch (RuntimeException e) {
            throw invalidCursor();
        }
        // a cursor of another account, or from the future, is not one we handed to this caller
        if (!cursor.userId().equals(userId) || cursor.since().isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw invalidCursor();
        }
        return cursor;
    }

    private static DomainException invalidCursor() {
        return DomainException.invalid(
                "invalid_cursor",
                "The cursor is not one this feed handed out to this account; sync again without a cursor.");
    }
}
