package com.pixfino.model.api.library;

import com.pixfino.model.api.GenerationView;
import java.util.List;
import java.util.UUID;

/**
 * One page of {@code GET /api/v1/library/changes}. {@code changes} and {@code deleted} together hold at most
 * {@code limit} rows; {@code collections} and {@code deletedCollections} are the collection changes up to the
 * same point. Pass {@code cursor} back to get what changed after this page. {@code resetRequired} means the
 * cursor is older than the tombstone window: throw the local copy away and sync again without a cursor.
 */
public record LibraryChanges(
        List<GenerationView> changes,
        List<DeletedGeneration> deleted,
        List<CollectionView> collections,
        List<UUID> deletedCollections,
        String cursor,
        boolean hasMore,
        boolean resetRequired) {

    public LibraryChanges {
        changes = changes == null ? List.of() : List.copyOf(changes);
        deleted = deleted == null ? List.of() : List.copyOf(deleted);
        collections = collections == null ? List.of() : List.copyOf(collections);
        deletedCollections = deletedCollections == null ? List.of() : List.copyOf(deletedCollections);
    }
}
