package com.pixfino.studio.core.library;

import java.util.List;
import java.util.UUID;

/**
 * A local library edit waiting to reach the server, in the order it was made. {@code target} is the generation or
 * the collection it changes; the other fields are what the kind needs (unused ones are null). Every kind is
 * idempotent on the server, so sending one twice (a crash between send and delete) changes nothing.
 */
public record OutboxOp(
        long seq,
        Kind kind,
        UUID target,
        Boolean favorite,
        List<String> tags,
        String name,
        List<UUID> add,
        List<UUID> remove) {

    public enum Kind {
        FAVORITE,
        ADD_TAGS,
        REMOVE_TAGS,
        CREATE_COLLECTION,
        RENAME_COLLECTION,
        DELETE_COLLECTION,
        COLLECTION_ITEMS,
        DELETE_GENERATION
    }

    public OutboxOp {
        tags = tags == null ? null : List.copyOf(tags);
        add = add == null ? null : List.copyOf(add);
        remove = remove == null ? null : List.copyOf(remove);
    }

    static OutboxOp favorite(UUID id, boolean value) {
        return new OutboxOp(0, Kind.FAVORITE, id, value, null, null, null, null);
    }

    static OutboxOp tags(Kind kind, UUID id, List<String> tags) {
        return new OutboxOp(0, kind, id, null, tags, null, null, null);
    }

    static OutboxOp collection(Kind kind, UUID id, String name) {
        return new OutboxOp(0, kind, id, null, null, name, null, null);
    }

    static OutboxOp items(UUID collection, List<UUID> add, List<UUID> remove) {
        return new OutboxOp(0, Kind.COLLECTION_ITEMS, collection, null, null, null, add, remove);
    }

    static OutboxOp deleteGeneration(UUID id) {
        return new OutboxOp(0, Kind.DELETE_GENERATION, id, null, null, null, null, null);
    }

    /** Whether the op changes a generation (as opposed to a collection). */
    public boolean onGeneration() {
        return kind == Kind.FAVORITE
                || kind == Kind.ADD_TAGS
                || kind == Kind.REMOVE_TAGS
                || kind == Kind.DELETE_GENERATION;
    }
}
