package com.pixfino.studio.testsupport;

import com.pixfino.model.api.library.CollectionView;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.gallery.GalleryItem.LibraryState;
import com.pixfino.studio.core.library.Library;
import com.pixfino.studio.core.library.LibraryQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A {@link Library} held in memory, for view-model tests and the gallery benchmark until (and besides) the SQLite
 * catalogue: the same query semantics, no server. {@code originals} maps ids to files export copies from; a missing
 * one fails as the real catalogue does offline.
 */
public final class InMemoryLibrary implements Library {

    private final Map<UUID, GalleryItem> items = new LinkedHashMap<>();
    private final Map<UUID, String> collections = new LinkedHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    public final Map<UUID, Path> originals = new java.util.concurrent.ConcurrentHashMap<>();
    private List<GalleryItem> newestFirst;
    // what the originals kept "on this computer" take, for the account screen's storage
    private final java.util.concurrent.atomic.AtomicLong originalsBytes = new java.util.concurrent.atomic.AtomicLong();

    /** Pretends {@code bytes} of originals are kept here (cleared by {@link #clearOriginals()}). */
    public void keepOriginals(long bytes) {
        originalsBytes.set(bytes);
    }

    @Override
    public long originalsSize() {
        return originalsBytes.get();
    }

    @Override
    public long clearOriginals() {
        return originalsBytes.getAndSet(0);
    }

    public synchronized void put(GalleryItem item) {
        items.put(item.id(), item);
        newestFirst = null;
    }

    public synchronized void putAll(Collection<GalleryItem> all) {
        all.forEach(item -> items.put(item.id(), item));
        newestFirst = null;
    }

    @Override
    public synchronized int count(LibraryQuery query) {
        return matches(query).size();
    }

    @Override
    public synchronized List<GalleryItem> page(LibraryQuery query, int offset, int limit) {
        List<GalleryItem> all = matches(query);
        int from = Math.min(offset, all.size());
        return List.copyOf(all.subList(from, Math.min(all.size(), from + limit)));
    }

    @Override
    public synchronized List<UUID> ids(LibraryQuery query) {
        return matches(query).stream().map(GalleryItem::id).toList();
    }

    @Override
    public synchronized Optional<GalleryItem> item(UUID id) {
        return Optional.ofNullable(items.get(id));
    }

    @Override
    public synchronized Optional<Path> thumbnail(UUID id) {
        return Optional.ofNullable(items.get(id)).map(GalleryItem::thumbnail);
    }

    @Override
    public Path original(UUID id) throws IOException {
        Path file = originals.get(id);
        if (file == null) {
            throw new IOException("The full-size file is not on this computer and the server cannot be reached.");
        }
        return file;
    }

    @Override
    public synchronized List<CollectionView> collections() {
        return collections.entrySet().stream()
                .map(entry -> new CollectionView(
                        entry.getKey(),
                        entry.getValue(),
                        (int) items.values().stream()
                                .filter(item -> item.library().collectionIds().contains(entry.getKey()))
                                .count(),
                        0))
                .sorted(Comparator.comparing(CollectionView::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @Override
    public synchronized List<String> tags() {
        Set<String> tags = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        items.values().forEach(item -> tags.addAll(item.library().tags()));
        return List.copyOf(tags);
    }

    @Override
    public synchronized List<String> presetNames() {
        return items.values().stream()
                .map(GalleryItem::presetName)
                .filter(name -> name != null)
                .distinct()
                .sorted()
                .toList();
    }

    @Override
    public void setFavorite(Collection<UUID> ids, boolean favorite) {
        edit(ids, state -> state.withFavorite(favorite));
    }

    @Override
    public void addTags(Collection<UUID> ids, Collection<String> tags) {
        edit(ids, state -> {
            Set<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            all.addAll(state.tags());
            tags.forEach(tag -> all.add(tag.strip()));
            return new LibraryState(state.favorite(), List.copyOf(all), state.collectionIds(), state.version());
        });
    }

    @Override
    public void removeTags(Collection<UUID> ids, Collection<String> tags) {
        edit(ids, state -> {
            List<String> kept = new ArrayList<>(state.tags());
            kept.removeAll(tags);
            return new LibraryState(state.favorite(), kept, state.collectionIds(), state.version());
        });
    }

    @Override
    public UUID createCollection(String name) {
        UUID id = UUID.randomUUID();
        synchronized (this) {
            collections.put(id, name.strip());
        }
        changed();
        return id;
    }

    @Override
    public void renameCollection(UUID id, String name) {
        synchronized (this) {
            collections.put(id, name.strip());
        }
        changed();
    }

    @Override
    public void deleteCollection(UUID id) {
        synchronized (this) {
            collections.remove(id);
        }
        edit(
                List.copyOf(items.keySet()),
                state -> withCollections(
                        state,
                        state.collectionIds().stream()
                                .filter(other -> !other.equals(id))
                                .toList()));
    }

    @Override
    public void addToCollection(UUID collectionId, Collection<UUID> ids) {
        edit(ids, state -> {
            List<UUID> all = new ArrayList<>(state.collectionIds());
            if (!all.contains(collectionId)) {
                all.add(collectionId);
            }
            return withCollections(state, all);
        });
    }

    @Override
    public void removeFromCollection(UUID collectionId, Collection<UUID> ids) {
        edit(
                ids,
                state -> withCollections(
                        state,
                        state.collectionIds().stream()
                                .filter(other -> !other.equals(collectionId))
                                .toList()));
    }

    @Override
    public void delete(Collection<UUID> ids) {
        synchronized (this) {
            ids.forEach(items::remove);
            newestFirst = null;
        }
        changed();
    }

    @Override
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private static LibraryState withCollections(LibraryState state, List<UUID> ids) {
        return new LibraryState(state.favorite(), state.tags(), ids, state.version());
    }

    private void edit(Collection<UUID> ids, java.util.function.UnaryOperator<LibraryState> change) {
        synchronized (this) {
            for (UUID id : ids) {
                GalleryItem item = items.get(id);
                if (item != null) {
                    items.put(id, item.withLibrary(change.apply(item.library())));
                }
            }
            newestFirst = null;
        }
        changed();
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    private List<GalleryItem> matches(LibraryQuery query) {
        if (newestFirst == null) {
            newestFirst = items.values().stream()
                    .sorted(Comparator.comparing(GalleryItem::createdAt).reversed())
                    .toList();
        }
        Predicate<GalleryItem> filter = item -> true;
        if (query.text() != null) {
            String text = query.text().toLowerCase(Locale.ROOT);
            filter = filter.and(item -> contains(item.prompt(), text)
                    || contains(item.presetName(), text)
                    || item.library().tags().stream().anyMatch(tag -> contains(tag, text)));
        }
        if (query.presetName() != null) {
            filter = filter.and(item -> query.presetName().equals(item.presetName()));
        }
        if (query.kind() != null) {
            filter = filter.and(item -> item.kind() == query.kind());
        }
        if (query.from() != null) {
            filter = filter.and(item -> !day(item).isBefore(query.from()));
        }
        if (query.to() != null) {
            filter = filter.and(item -> !day(item).isAfter(query.to()));
        }
        if (query.favoritesOnly()) {
            filter = filter.and(item -> item.library().favorite());
        }
        if (query.collectionId() != null) {
            filter = filter.and(item -> item.library().collectionIds().contains(query.collectionId()));
        }
        if (query.tag() != null) {
            filter = filter.and(item -> item.library().tags().contains(query.tag()));
        }
        List<GalleryItem> found = newestFirst.stream().filter(filter).toList();
        if (query.sort() == LibraryQuery.Sort.OLDEST) {
            List<GalleryItem> reversed = new ArrayList<>(found);
            java.util.Collections.reverse(reversed);
            return reversed;
        }
        return found;
    }

    private static java.time.LocalDate day(GalleryItem item) {
        return item.createdAt().atZoneSameInstant(ZoneId.systemDefault()).toLocalDate();
    }

    private static boolean contains(String value, String lowerText) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(lowerText);
    }
}
