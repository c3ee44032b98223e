package com.pixfino.server.library;

import static com.pixfino.server.db.jooq.Tables.COLLECTIONS;
import static com.pixfino.server.db.jooq.Tables.COLLECTION_ITEMS;
import static com.pixfino.server.db.jooq.Tables.GENERATIONS;
import static com.pixfino.server.db.jooq.Tables.GENERATION_TAGS;
import static com.pixfino.server.db.jooq.Tables.LIBRARY_TOMBSTONES;

import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.library.CollectionItemsRequest;
import com.pixfino.model.api.library.CollectionRequest;
import com.pixfino.model.api.library.CollectionView;
import com.pixfino.model.api.library.LibraryPatch;
import com.pixfino.server.db.jooq.tables.records.CollectionsRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.Text;
import com.pixfino.server.generation.GenerationService;
import com.pixfino.server.generation.GenerationStore;
import com.pixfino.server.generation.LibraryTombstones;
import com.pixfino.server.generation.LibraryWrite;
import com.pixfino.server.generation.StatusNotices;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Library edits: favourite and tags on a generation, and collections. Each runs in one transaction under the user's
 * library lock ({@link GenerationStore#lockLibrary}), bumps the version of every row whose view it changes (so the
 * change feed re-sends it), changes nothing when it would change nothing (so every edit is idempotent), and tells the
 * user's other devices once committed. Another user's ids are 404, exactly like unknown ones.
 *
 * <p>Tags are trimmed and keep their case; two tags that differ only by case are one tag, and the spelling added
 * first stays (adding "Beach" to an item tagged "beach" changes nothing; removing "BEACH" removes it). In one PATCH
 * the removals apply before the additions (removing "beach" and adding "Beach" respells it).
 */
public final class LibraryEdits {

    public static final int MAX_TAG_LENGTH = 40;
    public static final int MAX_TAGS = 50;
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_ITEMS_PER_REQUEST = 1000;

    private final LibraryWrite writes;
    private final GenerationService generations;
    private final Clock clock;

    public LibraryEdits(DSLContext dsl, GenerationService generations, StatusNotices notices, Clock clock) {
        this.writes = new LibraryWrite(dsl, notices);
        this.generations = generations;
        this.clock = clock;
    }

    /** Favourite (last writer wins) and tag changes; answers the generation's new view. */
    public GenerationView patch(UUID userId, UUID id, LibraryPatch patch) {
        Map<String, String> add = tags("addTags", patch.addTags());
        Map<String, String> remove = tags("removeTags", patch.removeTags());
        OffsetDateTime now = OffsetDateTime.now(clock);
        writes.change(userId, tx -> {
            Boolean favorite = tx.select(GENERATIONS.FAVORITE)
                    .from(GENERATIONS)
                    .where(GENERATIONS.ID.eq(id))
                    .and(GENERATIONS.USER_ID.eq(userId))
                    .forUpdate()
                    .fetchOne(GENERATIONS.FAVORITE);
            if (favorite == null) {
                throw DomainException.notFound("Generation " + id);
            }
            Map<String, String> existing = new LinkedHashMap<>();
            tx.select(GENERATION_TAGS.TAG_KEY, GENERATION_TAGS.TAG)
                    .from(GENERATION_TAGS)
                    .where(GENERATION_TAGS.GENERATION_ID.eq(id))
                    .forEach(r -> existing.put(r.value1(), r.value2()));
            Map<String, String> wanted = new LinkedHashMap<>(existing);
            remove.keySet().forEach(wanted::remove);
            add.forEach(wanted::putIfAbsent);
            if (wanted.size() > MAX_TAGS) {
                throw DomainException.invalid(
                        "too_many_tags",
                        "A result holds at most " + MAX_TAGS + " tags; this change would give it " + wanted.size()
                                + ".");
            }
            boolean tagsChanged = false;
            for (Map.Entry<String, String> old : existing.entrySet()) {
                if (!old.getValue().equals(wanted.get(old.getKey()))) {
                    tx.deleteFrom(GENERATION_TAGS)
                            .where(GENERATION_TAGS.GENERATION_ID.eq(id))
                            .and(GENERATION_TAGS.TAG_KEY.eq(old.getKey()))
                            .execute();
                    tagsChanged = true;
                }
            }
            for (Map.Entry<String, String> tag : wanted.entrySet()) {
                if (!tag.getValue().equals(existing.get(tag.getKey()))) {
                    tx.insertInto(GENERATION_TAGS)
                            .set(GENERATION_TAGS.GENERATION_ID, id)
                            .set(GENERATION_TAGS.TAG_KEY, tag.getKey())
                            .set(GENERATION_TAGS.TAG, tag.getValue())
                            .execute();
                    tagsChanged = true;
                }
            }
            boolean favoriteChanged =
                    patch.favorite() != null && !patch.favorite().equals(favorite);
            if (!tagsChanged && !favoriteChanged) {
                return false;
            }
            var update = tx.update(GENERATIONS).set(GENERATIONS.UPDATED_AT, now);
            if (favoriteChanged) {
                update = update.set(GENERATIONS.FAVORITE, patch.favorite());
            }
            if (tagsChanged) {
                update = update.set(GENERATIONS.VERSION, GENERATIONS.VERSION.plus(1));
            }
            update.where(GENERATIONS.ID.eq(id)).execute();
            return true;
        });
        return generations.get(userId, id);
    }

    /** What {@link #create} did: made the collection, or found it made by an earlier request with its id. */
    public record Created(CollectionView collection, boolean created) {}

    /**
     * A new collection; with a client-chosen id, the same request again answers the same collection (created=false).
     *
     * @throws DomainException NOT_FOUND when the id names another user's collection (like a missing one), or one of the
     *                         caller's that was deleted while its tombstone is kept (so a replayed create cannot undo
     *                         a delete); after the purge the id is simply new
     */
    public Created create(UUID userId, CollectionRequest request) {
        String name = name(request.name());
        UUID id = request.id() == null ? UUID.randomUUID() : request.id();
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            return writes.edit(userId, tx -> {
                CollectionsRecord existing =
                        tx.selectFrom(COLLECTIONS).where(COLLECTIONS.ID.eq(id)).fetchOne();
                if (existing != null) {
                    if (!existing.getUserId().equals(userId)) {
                        // another user's id is answered like any id that is not the caller's
                        throw notFound(id);
                    }
                    return new LibraryWrite.Outcome<>(new Created(view(tx, existing), false), false);
                }
                UUID tombstoneOwner = tx.select(LIBRARY_TOMBSTONES.USER_ID)
                        .from(LIBRARY_TOMBSTONES)
                        .where(LIBRARY_TOMBSTONES.KIND.eq(LibraryFeed.TOMBSTONE_COLLECTION))
                        .and(LIBRARY_TOMBSTONES.ID.eq(id))
                        .fetchOne(LIBRARY_TOMBSTONES.USER_ID);
                if (tombstoneOwner != null) {
                    // a retry replayed after a delete (perhaps another device's) must not undo it
                    throw tombstoneOwner.equals(userId) ? deleted(id) : notFound(id);
                }
                CollectionsRecord row = tx.insertInto(COLLECTIONS)
                        .set(COLLECTIONS.ID, id)
                        .set(COLLECTIONS.USER_ID, userId)
                        .set(COLLECTIONS.NAME, name)
                        .set(COLLECTIONS.CREATED_AT, now)
                        .set(COLLECTIONS.UPDATED_AT, now)
                        .returning()
                        .fetchOne();
                return new LibraryWrite.Outcome<>(new Created(view(tx, row), true), true);
            });
        } catch (DataAccessException e) {
            if ("23505".equals(e.sqlState())) {
                // another account made a collection with this id at the same moment
                throw notFound(id);
            }
            throw e;
        }
    }

    public CollectionView rename(UUID userId, UUID id, CollectionRequest request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw DomainException.invalid(
                    "id_mismatch", "The id in the body must be left out or be the collection's id in the path.");
        }
        String name = name(request.name());
        OffsetDateTime now = OffsetDateTime.now(clock);
        return writes.edit(userId, tx -> {
            CollectionsRecord row = owned(tx, userId, id);
            if (row.getName().equals(name)) {
                return new LibraryWrite.Outcome<>(view(tx, row), false);
            }
            row = tx.update(COLLECTIONS)
                    .set(COLLECTIONS.NAME, name)
                    .set(COLLECTIONS.UPDATED_AT, now)
                    .where(COLLECTIONS.ID.eq(id))
                    .returning()
                    .fetchOne();
            return new LibraryWrite.Outcome<>(view(tx, row), true);
        });
    }

    /**
     * Deletes the collection (its generations stay, and are re-sent without it). Deleting it again is a 204 as long as
     * its tombstone is kept; an id the user never had is a 404.
     */
    public void delete(UUID userId, UUID id) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        writes.change(userId, tx -> {
            CollectionsRecord row = tx.selectFrom(COLLECTIONS)
                    .where(COLLECTIONS.ID.eq(id))
                    .and(COLLECTIONS.USER_ID.eq(userId))
                    .fetchOne();
            if (row == null) {
                return LibraryTombstones.deletedAgain(tx, LibraryFeed.TOMBSTONE_COLLECTION, userId, id, notFound(id));
            }
            tx.update(GENERATIONS)
                    .set(GENERATIONS.VERSION, GENERATIONS.VERSION.plus(1))
                    .set(GENERATIONS.UPDATED_AT, now)
                    .where(GENERATIONS.ID.in(DSL.select(COLLECTION_ITEMS.GENERATION_ID)
                            .from(COLLECTION_ITEMS)
                            .where(COLLECTION_ITEMS.COLLECTION_ID.eq(id))))
                    .execute();
            tx.deleteFrom(COLLECTIONS).where(COLLECTIONS.ID.eq(id)).execute();
            LibraryTombstones.record(tx, LibraryFeed.TOMBSTONE_COLLECTION, userId, id, now);
            return true;
        });
    }

    /**
     * Adds and removes generations; answers the collection. Every id must be one of the user's generations (a removed
     * one the user has deleted is skipped), else 404 and nothing changes.
     */
    public CollectionView items(UUID userId, UUID id, CollectionItemsRequest request) {
        Set<UUID> add = ids("add", request.add());
        Set<UUID> remove = ids("remove", request.remove());
        if (add.size() + remove.size() > MAX_ITEMS_PER_REQUEST) {
            throw DomainException.invalid(
                    "too_many_items",
                    "At most " + MAX_ITEMS_PER_REQUEST + " ids per request, add and remove together.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return writes.edit(userId, tx -> {
            owned(tx, userId, id);
            Set<UUID> all = new LinkedHashSet<>(add);
            all.addAll(remove);
            Set<UUID> mine = new HashSet<>(tx.select(GENERATIONS.ID)
                    .from(GENERATIONS)
                    .where(GENERATIONS.ID.in(all))
                    .and(GENERATIONS.USER_ID.eq(userId))
                    .fetch(GENERATIONS.ID));
            for (UUID wanted : add) {
                if (!mine.contains(wanted)) {
                    throw DomainException.notFound("Generation " + wanted);
                }
            }
            List<UUID> gone = remove.stream().filter(r -> !mine.contains(r)).toList();
            if (!gone.isEmpty()) {
                Set<UUID> deletedByUser = new HashSet<>(tx.select(LIBRARY_TOMBSTONES.ID)
                        .from(LIBRARY_TOMBSTONES)
                        .where(LIBRARY_TOMBSTONES.KIND.eq(GenerationStore.TOMBSTONE_GENERATION))
                        .and(LIBRARY_TOMBSTONES.USER_ID.eq(userId))
                        .and(LIBRARY_TOMBSTONES.ID.in(gone))
                        .fetch(LIBRARY_TOMBSTONES.ID));
                for (UUID r : gone) {
                    if (!deletedByUser.contains(r)) {
                        throw DomainException.notFound("Generation " + r);
                    }
                }
            }
            List<UUID> touched = new ArrayList<>();
            List<UUID> toRemove = remove.stream()
                    .filter(mine::contains)
                    .filter(r -> !add.contains(r))
                    .toList();
            if (!toRemove.isEmpty()) {
                touched.addAll(tx.deleteFrom(COLLECTION_ITEMS)
                        .where(COLLECTION_ITEMS.COLLECTION_ID.eq(id))
                        .and(COLLECTION_ITEMS.GENERATION_ID.in(toRemove))
                        .returning(COLLECTION_ITEMS.GENERATION_ID)
                        .fetch(COLLECTION_ITEMS.GENERATION_ID));
            }
            for (UUID generation : add) {
                int inserted = tx.insertInto(COLLECTION_ITEMS)
                        .set(COLLECTION_ITEMS.COLLECTION_ID, id)
                        .set(COLLECTION_ITEMS.GENERATION_ID, generation)
                        .set(COLLECTION_ITEMS.ADDED_AT, now)
                        .onConflictDoNothing()
                        .execute();
                if (inserted == 1) {
                    touched.add(generation);
                }
            }
            if (touched.isEmpty()) {
                return new LibraryWrite.Outcome<>(view(tx, owned(tx, userId, id)), false);
            }
            tx.update(GENERATIONS)
                    .set(GENERATIONS.VERSION, GENERATIONS.VERSION.plus(1))
                    .set(GENERATIONS.UPDATED_AT, now)
                    .where(GENERATIONS.ID.in(touched))
                    .execute();
            CollectionsRecord row = tx.update(COLLECTIONS)
                    .set(COLLECTIONS.VERSION, COLLECTIONS.VERSION.plus(1))
                    .set(COLLECTIONS.UPDATED_AT, now)
                    .where(COLLECTIONS.ID.eq(id))
                    .returning()
                    .fetchOne();
            return new LibraryWrite.Outcome<>(view(tx, row), true);
        });
    }

    private static CollectionsRecord owned(DSLContext tx, UUID userId, UUID id) {
        CollectionsRecord row = tx.selectFrom(COLLECTIONS)
                .where(COLLECTIONS.ID.eq(id))
                .and(COLLECTIONS.USER_ID.eq(userId))
                .fetchOne();
        if (row == null) {
            throw notFound(id);
        }
        return row;
    }

    private static CollectionView view(DSLContext tx, CollectionsRecord row) {
        int count = LibraryFeed.itemCounts(tx, List.of(row.getId())).getOrDefault(row.getId(), 0);
        return new CollectionView(row.getId(), row.getName(), count, row.getVersion());
    }

    private static DomainException notFound(UUID id) {
        return DomainException.notFound("Collection " + id);
    }

    private static DomainException deleted(UUID id) {
        return new DomainException(
                DomainException.Kind.NOT_FOUND,
                "not_found",
                "Collection " + id + " was deleted; choose a new id to make a new collection.");
    }

    /** Trimmed, 1–100 characters, one line. */
    static String name(String name) {
        if (name == null) {
            throw DomainException.invalid("missing_name", "A collection needs a name: name is required.");
        }
        String trimmed = Text.line("name", name).trim();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < 1 || length > MAX_NAME_LENGTH) {
            throw DomainException.invalid(
                    "invalid_name", "A collection's name is 1 to " + MAX_NAME_LENGTH + " characters after trimming.");
        }
        return trimmed;
    }

    /** The request's tags by their key (lower case), first spelling kept, each checked. */
    static Map<String, String> tags(String field, List<String> tags) {
        Map<String, String> byKey = new LinkedHashMap<>();
        if (tags == null) {
            return byKey;
        }
        if (tags.size() > MAX_TAGS) {
            throw DomainException.invalid(
                    "too_many_tags",
                    field + " may list at most " + MAX_TAGS + " tags (a result holds at most " + MAX_TAGS + ").");
        }
        for (String tag : tags) {
            if (tag == null) {
                throw DomainException.invalid(
                        "invalid_tag",
                        field + " holds a null; a tag is 1 to " + MAX_TAG_LENGTH + " characters of text.");
            }
            String trimmed = Text.line(field, tag).trim();
            int length = trimmed.codePointCount(0, trimmed.length());
            if (length < 1 || length > MAX_TAG_LENGTH) {
                throw DomainException.invalid(
                        "invalid_tag",
                        "A tag is 1 to " + MAX_TAG_LENGTH + " characters after trimming, without control characters.");
            }
            byKey.putIfAbsent(trimmed.toLowerCase(Locale.ROOT), trimmed);
        }
        return byKey;
    }

    private static Set<UUID> ids(String field, List<UUID> ids) {
        Set<UUID> set = new LinkedHashSet<>();
        if (ids == null) {
            return set;
        }
        for (UUID id : ids) {
            if (id == null) {
                throw DomainException.invalid("invalid_id", field + " holds a null; list generation ids.");
            }
            set.add(id);
        }
        return set;
    }
}
