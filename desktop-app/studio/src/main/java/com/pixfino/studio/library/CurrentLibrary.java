package com.pixfino.studio.library;

import com.pixfino.model.api.library.CollectionView;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.library.Library;
import com.pixfino.studio.core.library.LibraryQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.value.ObservableValue;

/**
 * The library of whoever is signed in, as one {@link Library} the gallery can hold for the studio's lifetime: every
 * call goes to the account's current catalogue, and listeners move with the account (and hear the switch, so the
 * gallery reloads). Signed out, queries answer an empty library and edits are refused with a sentence.
 */
public final class CurrentLibrary implements Library {

    private final ObservableValue<Library> current;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Runnable forward = this::fire;

    public CurrentLibrary(ObservableValue<Library> current) {
        this.current = current;
        if (current.getValue() != null) {
            current.getValue().addListener(forward);
        }
        current.addListener((obs, before, now) -> {
            if (before != null) {
                before.removeListener(forward);
            }
            if (now != null) {
                now.addListener(forward);
            }
            fire();
        });
    }

    private void fire() {
        listeners.forEach(Runnable::run);
    }

    private Library open() throws IOException {
        Library library = current.getValue();
        if (library == null) {
            throw new IOException("Sign in to see and change your library");
        }
        return library;
    }

    @Override
    public long originalsSize() throws IOException {
        Library library = current.getValue();
        return library == null ? 0 : library.originalsSize();
    }

    @Override
    public long clearOriginals() throws IOException {
        return open().clearOriginals();
    }

    @Override
    public int count(LibraryQuery query) throws IOException {
        Library library = current.getValue();
        return library == null ? 0 : library.count(query);
    }

    @Override
    public List<GalleryItem> page(LibraryQuery query, int offset, int limit) throws IOException {
        Library library = current.getValue();
        return library == null ? List.of() : library.page(query, offset, limit);
    }

    @Override
    public List<UUID> ids(LibraryQuery query) throws IOException {
        Library library = current.getValue();
        return library == null ? List.of() : library.ids(query);
    }

    @Override
    public Optional<GalleryItem> item(UUID id) throws IOException {
        Library library = current.getValue();
        return library == null ? Optional.empty() : library.item(id);
    }

    @Override
    public Optional<Path> thumbnail(UUID id) throws IOException {
        Library library = current.getValue();
        return library == null ? Optional.empty() : library.thumbnail(id);
    }

    @Override
    public Optional<Path> inputPhoto(UUID uploadId) throws IOException {
        Library library = current.getValue();
        return library == null ? Optional.empty() : library.inputPhoto(uploadId);
    }

    @Override
    public Path original(UUID id) throws IOException {
        return open().original(id);
    }

    @Override
    public List<CollectionView> collections() throws IOException {
        Library library = current.getValue();
        return library == null ? List.of() : library.collections();
    }

    @Override
    public List<String> tags() throws IOException {
        Library library = current.getValue();
        return library == null ? List.of() : library.tags();
    }

    @Override
    public List<String> presetNames() throws IOException {
        Library library = current.getValue();
        return library == null ? List.of() : library.presetNames();
    }

    @Override
    public void setFavorite(Collection<UUID> ids, boolean favorite) throws IOException {
        open().setFavorite(ids, favorite);
    }

    @Override
    public void addTags(Collection<UUID> ids, Collection<String> tags) throws IOException {
        open().addTags(ids, tags);
    }

    @Override
    public void removeTags(Collection<UUID> ids, Collection<String> tags) throws IOException {
        open().removeTags(ids, tags);
    }

    @Override
    public UUID createCollection(String name) throws IOException {
        return open().createCollection(name);
    }

    @Override
    public void renameCollection(UUID id, String name) throws IOException {
        open().renameCollection(id, name);
    }

    @Override
    public void deleteCollection(UUID id) throws IOException {
        open().deleteCollection(id);
    }

    @Override
    public void addToCollection(UUID collectionId, Collection<UUID> ids) throws IOException {
        open().addToCollection(collectionId, ids);
    }

    @Override
    public void removeFromCollection(UUID collectionId, Collection<UUID> ids) throws IOException {
        open().removeFromCollection(collectionId, ids);
    }

    @Override
    public void delete(Collection<UUID> ids) throws IOException {
        open().delete(ids);
    }

    @Override
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }
}
