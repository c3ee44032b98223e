package com.pixfino.studio.core.library;

import com.pixfino.model.api.library.CollectionView;
import com.pixfino.studio.core.gallery.GalleryItem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One account's synced library as the studio uses it: paged queries over the local catalogue, and edits that
 * apply locally at once and go to an outbox replayed in order when the server is reachable (so nothing is lost
 * when the studio closes offline). Blocking; implementations refuse the JavaFX thread.
 */
public interface Library {

    /** How many results match. */
    int count(LibraryQuery query) throws IOException;

    /** Results {@code offset} … {@code offset + limit - 1} of the matches, in the query's order. */
    List<GalleryItem> page(LibraryQuery query, int offset, int limit) throws IOException;

    /** Every matching id in the query's order, without loading the items (select all over 50,000). */
    List<UUID> ids(LibraryQuery query) throws IOException;

    Optional<GalleryItem> item(UUID id) throws IOException;

    /**
     * The result's thumbnail file: the cached one, else downloaded now when the server is reachable; empty when
     * it is not cached and cannot be fetched. Thumbnails are never evicted.
     */
    Optional<Path> thumbnail(UUID id) throws IOException;

    /**
     * The small preview of a result's input photo (its upload): the cached file, else downloaded once now and
     * kept; empty when it is not cached and the server cannot be reached (offline) or no longer has the photo.
     */
    default Optional<Path> inputPhoto(UUID uploadId) throws IOException {
        return Optional.empty();
    }

    /**
     * The full-size result: the cached file (marked as just used), else downloaded now. Originals share a size
     * cap with least-recently-used eviction, so an evicted one downloads again here.
     *
     * @throws IOException with a sentence for the user when it is not cached and the server cannot be reached
     */
    Path original(UUID id) throws IOException;

    /** Total bytes of the full-size results kept on this computer (thumbnails not counted). */
    default long originalsSize() throws IOException {
        return 0;
    }

    /**
     * Deletes every full-size result kept on this computer (each downloads again when opened); thumbnails stay.
     * Returns the bytes freed.
     */
    default long clearOriginals() throws IOException {
        return 0;
    }

    /** The collections by name, with how many results each holds here. */
    List<CollectionView> collections() throws IOException;

    /** Every tag in use, sorted case-insensitively. */
    List<String> tags() throws IOException;

    /** The preset names that occur, sorted (for the preset filter). */
    List<String> presetNames() throws IOException;

    void setFavorite(Collection<UUID> ids, boolean favorite) throws IOException;

    void addTags(Collection<UUID> ids, Collection<String> tags) throws IOException;

    void removeTags(Collection<UUID> ids, Collection<String> tags) throws IOException;

    /** Creates the collection here at once (with a client-chosen id) and on the server when reachable. */
    UUID createCollection(String name) throws IOException;

    void renameCollection(UUID id, String name) throws IOException;

    /** Removes the collection; its results stay in the library. */
    void deleteCollection(UUID id) throws IOException;

    void addToCollection(UUID collectionId, Collection<UUID> ids) throws IOException;

    void removeFromCollection(UUID collectionId, Collection<UUID> ids) throws IOException;

    /** Deletes the results here at once and on the server when reachable (files too). */
    void delete(Collection<UUID> ids) throws IOException;

    /** {@code listener} runs on a background thread after the local library changed (an edit or a synced change). */
    void addListener(Runnable listener);

    void removeListener(Runnable listener);
}
