package com.pixfino.studio.core.library;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.MediaKind;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.library.CollectionItemsRequest;
import com.pixfino.model.api.library.CollectionRequest;
import com.pixfino.model.api.library.CollectionView;
import com.pixfino.model.api.library.DeletedGeneration;
import com.pixfino.model.api.library.LibraryChanges;
import com.pixfino.model.api.library.LibraryEvent;
import com.pixfino.model.api.library.LibraryPatch;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.net.GenerationEventListener;
import com.pixfino.studio.core.testsupport.GenerationViews;
import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory library server for the sync's unit tests: the change feed with a sequence cursor, PATCH, collections
 * with client ids, deletes as tombstones, {@code library} events to every open stream, a switch that makes it
 * unreachable, and a count of every mutating call (to prove each edit arrives once).
 */
final class FakeLibraryServer {

    private long seq;
    private final Map<UUID, GenerationView> generations = new LinkedHashMap<>();
    private final Map<UUID, Long> changedAt = new LinkedHashMap<>();
    private final Map<UUID, Long> deletedAt = new LinkedHashMap<>();
    private final Map<UUID, CollectionView> collections = new LinkedHashMap<>();
    private final Map<UUID, Long> collectionChangedAt = new LinkedHashMap<>();
    private final Map<UUID, Long> collectionDeletedAt = new LinkedHashMap<>();
    private final List<GenerationEventListener> streams = new CopyOnWriteArrayList<>();
    volatile boolean offline;
    volatile long oldestCursor;
    final AtomicInteger mutations = new AtomicInteger();
    final AtomicInteger feedCalls = new AtomicInteger();

    synchronized UUID addCompleted(String preset, String prompt) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        put(new GenerationView(
                id,
                1,
                preset,
                MediaKind.IMAGE,
                GenerationStatus.COMPLETED,
                2,
                false,
                prompt,
                UUID.randomUUID(),
                "fal",
                "flux",
                null,
                "/o",
                "image/jpeg",
                "/t",
                10,
                10,
                null,
                now,
                now,
                now,
                false,
                List.of(),
                List.of(),
                0,
                now,
                "1:1",
                7L,
                null,
                null,
                1));
        return id;
    }

    synchronized GenerationView view(UUID id) {
        return generations.get(id);
    }

    synchronized CollectionView collection(UUID id) {
        return collections.get(id);
    }

    private void put(GenerationView view) {
        seq++;
        GenerationView versioned =
                GenerationViews.withLibraryState(view, view.favorite(), view.tags(), view.collectionIds(), seq);
        generations.put(view.id(), versioned);
        changedAt.put(view.id(), seq);
        announce();
    }

    private void announce() {
        for (GenerationEventListener stream : streams) {
            stream.library(new LibraryEvent(Long.toString(seq)));
        }
    }

    CompanionApi api() {
        return (CompanionApi) Proxy.newProxyInstance(
                CompanionApi.class.getClassLoader(), new Class<?>[] {CompanionApi.class}, (proxy, method, args) -> {
                    if (method.getName().equals("events")) {
                        return events((GenerationEventListener) args[0]);
                    }
                    if (offline) {
                        throw new ConnectException("Connection refused");
                    }
                    try {
                        return FakeLibraryServer.class
                                .getDeclaredMethod(method.getName(), method.getParameterTypes())
                                .invoke(this, args);
                    } catch (NoSuchMethodException e) {
                        throw new UnsupportedOperationException(method.getName());
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private Closeable events(GenerationEventListener listener) {
        if (offline) {
            new Thread(() -> listener.failed(new ConnectException("Connection refused"))).start();
            return () -> {};
        }
        streams.add(listener);
        new Thread(listener::opened).start();
        return () -> streams.remove(listener);
    }

    /** Cuts every open stream, as a server that stops does. */
    void dropStreams() {
        for (GenerationEventListener stream : streams) {
            streams.remove(stream);
            stream.failed(new IOException("The server closed the event stream"));
        }
    }

    synchronized LibraryChanges libraryChanges(String cursor, int limit) {
        feedCalls.incrementAndGet();
        long after = cursor == null ? 0 : Long.parseLong(cursor);
        if (cursor != null && after < oldestCursor) {
            return new LibraryChanges(null, null, null, null, null, false, true);
        }
        record Row(long seq, UUID id, boolean deleted) {}
        List<Row> rows = new ArrayList<>();
        changedAt.forEach((id, at) -> {
            if (at > after) {
                rows.add(new Row(at, id, false));
            }
        });
        deletedAt.forEach((id, at) -> {
            if (at > after) {
                rows.add(new Row(at, id, true));
            }
        });
        rows.sort(Comparator.comparingLong(Row::seq));
        boolean more = rows.size() > limit;
        List<Row> page = rows.subList(0, Math.min(limit, rows.size()));
        long upTo = more ? page.get(page.size() - 1).seq() : seq;
        List<GenerationView> changes = new ArrayList<>();
        List<DeletedGeneration> deleted = new ArrayList<>();
        for (Row row : page) {
            if (row.deleted()) {
                deleted.add(new DeletedGeneration(row.id(), OffsetDateTime.now(ZoneOffset.UTC)));
            } else {
                changes.add(generations.get(row.id()));
            }
        }
        List<CollectionView> changedCollections = new ArrayList<>();
        collectionChangedAt.forEach((id, at) -> {
            if (at > after && at <= upTo) {
                changedCollections.add(collections.get(id));
            }
        });
        List<UUID> deletedCollections = new ArrayList<>();
        collectionDeletedAt.forEach((id, at) -> {
            if (at > after && at <= upTo) {
                deletedCollections.add(id);
            }
        });
        return new LibraryChanges(
                changes, deleted, changedCollections, deletedCollections, Long.toString(upTo), more, false);
    }

    synchronized GenerationView patchGeneration(UUID id, LibraryPatch patch) throws IOException {
        mutations.incrementAndGet();
        GenerationView view = existing(id);
        TreeSet<String> tags = new TreeSet<>(view.tags());
        if (patch.addTags() != null) {
            for (String tag : patch.addTags()) {
                if (tag.length() > 40) {
                    throw new CompanionApiException(400, "invalid", "A tag has at most 40 characters");
                }
                tags.add(tag);
            }
        }
        if (patch.removeTags() != null) {
            tags.removeAll(patch.removeTags());
        }
        boolean favorite = patch.favorite() != null ? patch.favorite() : view.favorite();
        put(with(view, favorite, List.copyOf(tags), view.collectionIds()));
        return generations.get(id);
    }

    synchronized GenerationView generation(UUID id) throws IOException {
        return existing(id);
    }

    synchronized void delete(UUID id) throws IOException {
        mutations.incrementAndGet();
        GenerationView view = existing(id);
        generations.remove(id);
        changedAt.remove(id);
        seq++;
        deletedAt.put(id, seq);
        for (UUID collection : view.collectionIds()) {
            touchCollection(collection);
        }
        announce();
    }

    synchronized void createCollection(CollectionRequest request) {
        mutations.incrementAndGet();
        if (!collections.containsKey(request.id())) {
            collections.put(request.id(), new CollectionView(request.id(), request.name(), 0, 0));
            touchCollection(request.id());
            announce();
        }
    }

    synchronized void renameCollection(UUID id, String name) throws IOException {
        mutations.incrementAndGet();
        CollectionView collection = existingCollection(id);
        collections.put(id, new CollectionView(id, name, collection.itemCount(), collection.version()));
        touchCollection(id);
        announce();
    }

    synchronized void deleteCollection(UUID id) throws IOException {
        mutations.incrementAndGet();
        existingCollection(id);
        collections.remove(id);
        collectionChangedAt.remove(id);
        seq++;
        collectionDeletedAt.put(id, seq);
        for (GenerationView view : List.copyOf(generations.values())) {
            if (view.collectionIds().contains(id)) {
                List<UUID> rest = new ArrayList<>(view.collectionIds());
                rest.remove(id);
                put(with(view, view.favorite(), view.tags(), rest));
            }
        }
        announce();
    }

    synchronized void collectionItems(UUID id, CollectionItemsRequest request) throws IOException {
        mutations.incrementAndGet();
        existingCollection(id);
        for (UUID item : request.add() == null ? List.<UUID>of() : request.add()) {
            GenerationView view = existing(item);
            if (!view.collectionIds().contains(id)) {
                List<UUID> more = new ArrayList<>(view.collectionIds());
                more.add(id);
                put(with(view, view.favorite(), view.tags(), more));
            }
        }
        for (UUID item : request.remove() == null ? List.<UUID>of() : request.remove()) {
            GenerationView view = existing(item);
            List<UUID> rest = new ArrayList<>(view.collectionIds());
            if (rest.remove(id)) {
                put(with(view, view.favorite(), view.tags(), rest));
            }
        }
        touchCollection(id);
        announce();
    }

    synchronized void download(UUID id, boolean thumbnail, Path target) throws IOException {
        existing(id);
        Files.createDirectories(target.getParent());
        Files.write(target, thumbnail ? DownloadingApi.THUMBNAIL : DownloadingApi.ORIGINAL);
    }

    private void touchCollection(UUID id) {
        CollectionView collection = collections.get(id);
        if (collection == null) {
            return;
        }
        seq++;
        int count = (int) generations.values().stream()
                .filter(view -> view.collectionIds().contains(id))
                .count();
        collections.put(id, new CollectionView(id, collection.name(), count, seq));
        collectionChangedAt.put(id, seq);
    }

    private GenerationView existing(UUID id) throws IOException {
        GenerationView view = generations.get(id);
        if (view == null) {
            throw new CompanionApiException(404, "not_found", "No such generation");
        }
        return view;
    }

    private CollectionView existingCollection(UUID id) throws IOException {
        CollectionView collection = collections.get(id);
        if (collection == null) {
            throw new CompanionApiException(404, "not_found", "No such collection");
        }
        return collection;
    }

    private static GenerationView with(GenerationView v, boolean favorite, List<String> tags, List<UUID> collections) {
        return GenerationViews.withLibraryState(v, favorite, tags, collections, v.version());
    }
}
