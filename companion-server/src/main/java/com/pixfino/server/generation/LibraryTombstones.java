package com.pixfino.server.generation;

import static com.pixfino.server.db.jooq.Tables.LIBRARY_TOMBSTONES;

import com.pixfino.server.domain.DomainException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The rows {@code library_tombstones} keeps for the change feed: one per deleted generation, collection or style
 * (by kind), until the purge. Shared by every library entity that can be deleted, so "deleted again" reads alike.
 */
public final class LibraryTombstones {

    private LibraryTombstones() {}

    /** Whether the user deleted the {@code kind} row {@code id} and its tombstone is still kept (not yet purged). */
    public static boolean kept(DSLContext tx, String kind, UUID userId, UUID id) {
        return tx.fetchExists(
                LIBRARY_TOMBSTONES,
                LIBRARY_TOMBSTONES
                        .KIND
                        .eq(kind)
                        .and(LIBRARY_TOMBSTONES.ID.eq(id))
                        .and(LIBRARY_TOMBSTONES.USER_ID.eq(userId)));
    }

    /**
     * For a delete that found no row of the user's: deleting again changes nothing (answers false) while the
     * tombstone is kept; an id the user never had (or whose tombstone is purged) is {@code notFound}.
     */
    public static boolean deletedAgain(DSLContext tx, String kind, UUID userId, UUID id, DomainException notFound) {
        if (kept(tx, kind, userId, id)) {
            return false;
        }
        throw notFound;
    }

    /** Records, inside the deleting transaction, that the user deleted the {@code kind} row {@code id} at {@code now}. */
    public static void record(DSLContext tx, String kind, UUID userId, UUID id, OffsetDateTime now) {
        tx.insertInto(LIBRARY_TOMBSTONES)
                .set(LIBRARY_TOMBSTONES.KIND, kind)
                .set(LIBRARY_TOMBSTONES.ID, id)
                .set(LIBRARY_TOMBSTONES.USER_ID, userId)
                .set(LIBRARY_TOMBSTONES.DELETED_AT, now)
                .execute();
    }
}
