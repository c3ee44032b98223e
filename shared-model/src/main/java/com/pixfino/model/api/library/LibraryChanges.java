package com.pixfino.model.api.library;

import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.styles.StyleView;
import java.util.List;
import java.util.UUID;

/**
 * One page of {@code GET /api/v1/library/changes}. {@code changes} and {@code deleted} together hold at most
 * {@code limit} rows; {@code collections} and {@code deletedCollections} are the collection changes up to the
 * same point, and so are {@code styles} and {@code deletedStyles} for the user's own styles. Pass {@code cursor} back to get what changed after this page. {@code resetRequired} means the
 * cursor is older than the tombstone window: throw the local copy away and sync again without a cursor.
 */
public record LibraryChanges(
        List<GenerationView> changes,
        List<DeletedGeneration> deleted,
        List<CollectionView> collections,
        List<UUID> deletedCollections,
        String cursor,
        boolean hasMore,
        boolean resetRequired,
        List<StyleView> styles,
        List<UUID> deletedStyles) {

    public LibraryChanges {
        changes = changes == null ? List.of() : List.copyOf(changes);
        deleted = deleted == null ? List.of() : List.copyOf(deleted);
        collections = collections == null ? List.of() : List.copyOf(collections);
        deletedCollections = deletedCollections == null ? List.of() : List.copyOf(deletedCollections);
        styles = styles == null ? List.of() : List.copyOf(styles);
        deletedStyles = deletedStyles == null ? List.of() : List.copyOf(deletedStyles);
    }

    /** A page without style changes. */
    public LibraryChanges(
            List<GenerationView> changes,
            List<DeletedGeneration> deleted,
            List<CollectionView> collections,
            List<UUID> deletedCollections,
            String cursor,
            boolean hasMore,
            boolean resetRequired) {
        this(changes, deleted, collections, deletedCollections, cursor, hasMore, resetRequired, null, null);
    }
}
