package com.pixfino.studio.core.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.pixfino.studio.core.concurrent.TaskProgress;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.gallery.GalleryItem;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync, the outbox replay and the service against an in-memory server (the real one: LibraryServerSyncTest). */
class LibrarySyncTest {

    @TempDir
    Path dir;

    private final FakeLibraryServer server = new FakeLibraryServer();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private LibraryCatalog catalog(String device) throws Exception {
        LibraryCatalog catalog = LibraryCatalog.open(
                dir.resolve(device).resolve("gallery.db"),
                dir.resolve(device).resolve("files"),
                "ana",
                UiThreadGuard.NONE);
        open.add(catalog);
        return catalog;
    }

    private LibraryService service(LibraryCatalog catalog, List<String> refusals) {
        LibraryService service = new LibraryService(catalog, server.api(), status -> {}, refusals::add);
        open.add(service);
        service.start();
        return service;
    }

    @Test
    void aFirstSyncPagesThroughWithProgressAndContinuesAfterACancel() throws Exception {
        IntStream.range(0, 25).forEach(i -> server.addCompleted("Portrait", "prompt " + i));
        LibraryCatalog catalog = catalog("one");
        List<String> messages = new CopyOnWriteArrayList<>();
        int[] pages = {0};
        TaskProgress stopAfterTwo = new TaskProgress() {
            @Override
            public void update(double fraction, String message) {
                messages.add(message);
                pages[0]++;
            }

            @Override
            public boolean isCancelled() {
                return pages[0] >= 2;
            }
        };
        LibrarySync sync = new LibrarySync(catalog, 10);
        LibrarySync.Outcome first = sync.pull(server.api(), stopAfterTwo);
        assertThat(first.complete()).isFalse();
        assertThat(catalog.count(LibraryQuery.ALL)).isEqualTo(20);
        assertThat(messages).containsExactly("10 changes synced", "20 changes synced");

        LibrarySync.Outcome rest = sync.pull(server.api(), LibrarySync.SILENT);
        assertThat(rest.complete()).isTrue();
        assertThat(rest.rows()).isEqualTo(5);
        assertThat(catalog.count(LibraryQuery.ALL)).isEqualTo(25);
        assertThat(catalog.thumbnail(catalog.ids(LibraryQuery.ALL).get(0))).isEmpty(); // metadata only, offline
    }

    @Test
    void aSyncCutOffWhileThePageAheadIsFetchedResumesFromTheLastStoredPageWithoutLossOrDuplicates() throws Exception {
        IntStream.range(0, 45).forEach(i -> server.addCompleted("Portrait", "prompt " + i));
        LibraryCatalog catalog = catalog("one");
        int[] pages = {0};
        TaskProgress dropAfterTwo = new TaskProgress() {
            @Override
            public void update(double fraction, String message) {
                if (++pages[0] == 2) {
                    server.offline = true; // the page fetched ahead (the third or the fourth) never arrives
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        LibrarySync sync = new LibrarySync(catalog, 10);
        assertThatThrownBy(() -> sync.pull(server.api(), dropAfterTwo)).isInstanceOf(IOException.class);
        int stored = catalog.count(LibraryQuery.ALL);
        assertThat(stored).isIn(20, 30); // whole pages only, each with its cursor

        server.offline = false;
        LibrarySync.Outcome rest = sync.pull(server.api(), LibrarySync.SILENT);
        assertThat(rest.complete()).isTrue();
        assertThat(rest.rows()).isEqualTo(45 - stored);
        List<UUID> ids = catalog.ids(LibraryQuery.ALL);
        assertThat(ids).hasSize(45).doesNotHaveDuplicates();
    }

    @Test
    void aCursorTooOldResyncsFromScratchKeepingTheOutbox() throws Exception {
        UUID kept = server.addCompleted("Portrait", "kept");
        UUID gone = server.addCompleted("Portrait", "gone");
        LibraryCatalog catalog = catalog("one");
        LibrarySync sync = new LibrarySync(catalog);
        sync.pull(server.api(), LibrarySync.SILENT);
        catalog.setFavorite(List.of(kept), true);
        server.delete(gone);
        server.oldestCursor = Long.MAX_VALUE; // every cursor issued so far is too old
        sync.pull(server.api(), LibrarySync.SILENT);
        server.oldestCursor = 0;
        assertThat(catalog.ids(LibraryQuery.ALL)).containsExactly(kept);
        assertThat(catalog.item(kept).orElseThrow().library().favorite()).isTrue();
        assertThat(catalog.pending()).hasSize(1);
    }

    @Test
    void theReplaySendsInOrderStopsWhenOfflineAndDropsARefusedEditUndoingIt() throws Exception {
        UUID a = server.addCompleted("Portrait", "a");
        LibraryCatalog catalog = catalog("one");
        new LibrarySync(catalog).pull(server.api(), LibrarySync.SILENT);
        List<String> refusals = new ArrayList<>();
        OutboxReplay replay = new OutboxReplay(catalog, refusals::add);

        catalog.addTags(List.of(a), List.of("x".repeat(41)));
        UUID trips = catalog.createCollection("Trips");
        catalog.addToCollection(trips, List.of(a));
        catalog.setFavorite(List.of(a), true);

        server.offline = true;
        OutboxReplay.Outcome stopped = replay.replay(server.api());
        assertThat(stopped.stopped()).isTrue();
        assertThat(catalog.pending()).hasSize(4);
        server.offline = false;

        OutboxReplay.Outcome done = replay.replay(server.api());
        assertThat(done.stopped()).isFalse();
        assertThat(done.dropped()).isEqualTo(1);
        assertThat(refusals).containsExactly("A tag has at most 40 characters");
        assertThat(catalog.pending()).isEmpty();
        assertThat(server.view(a).favorite()).isTrue();
        assertThat(server.view(a).collectionIds()).containsExactly(trips);
        assertThat(server.collection(trips).name()).isEqualTo("Trips");
        // the refused tag is gone here too, the rest of the edits stay
        GalleryItem item = catalog.item(a).orElseThrow();
        assertThat(item.library().tags()).isEmpty();
        assertThat(item.library().favorite()).isTrue();

        // a delete the server has already done (sent before a crash, or by another device) counts as sent
        catalog.delete(List.of(a));
        server.delete(a);
        OutboxReplay.Outcome again = replay.replay(server.api());
        assertThat(again.dropped()).isZero();
        assertThat(catalog.pending()).isEmpty();
        assertThat(refusals).hasSize(1);
    }

    @Test
    void twoDevicesConvergeWithinFiveSecondsOfEveryKindOfChange() throws Exception {
        UUID first = server.addCompleted("Portrait", "snow princess");
        LibraryCatalog one = catalog("one");
        LibraryCatalog two = catalog("two");
        service(one, new ArrayList<>());
        service(two, new ArrayList<>());
        await().atMost(Duration.ofSeconds(5)).until(() -> two.count(LibraryQuery.ALL) == 1);

        one.setFavorite(List.of(first), true);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> two.item(first).orElseThrow().library().favorite());

        two.addTags(List.of(first), List.of("winter"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> one.item(first).orElseThrow().library().tags().equals(List.of("winter")));

        UUID trips = one.createCollection("Trips");
        one.addToCollection(trips, List.of(first));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> two.ids(LibraryQuery.ALL.withCollection(trips)).equals(List.of(first)));
        assertThat(two.collections()).extracting(c -> c.name()).containsExactly("Trips");

        UUID second = server.addCompleted("Cartoon", "new result");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> one.count(LibraryQuery.ALL) == 2 && two.count(LibraryQuery.ALL) == 2);

        two.delete(List.of(first));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> one.ids(LibraryQuery.ALL).equals(List.of(second)));
        two.deleteCollection(trips);
        await().atMost(Duration.ofSeconds(5)).until(() -> one.collections().isEmpty());
    }

    @Test
    void editsMadeOfflineSurviveARestartAndReachTheServerOnceOnReconnect() throws Exception {
        UUID a = server.addCompleted("Portrait", "a");
        UUID b = server.addCompleted("Portrait", "b");
        LibraryCatalog other = catalog("other");
        service(other, new ArrayList<>());
        LibraryCatalog one = catalog("one");
        new LibrarySync(one).pull(server.api(), LibrarySync.SILENT);
        await().atMost(Duration.ofSeconds(5)).until(() -> other.count(LibraryQuery.ALL) == 2);

        server.offline = true;
        server.dropStreams();
        LibraryService offline = service(one, new ArrayList<>());
        one.setFavorite(List.of(a), true);
        one.addTags(List.of(a), List.of("offline"));
        UUID trips = one.createCollection("Trips");
        one.addToCollection(trips, List.of(a));
        one.delete(List.of(b));
        offline.close();
        one.close(); // the studio closes

        LibraryCatalog reopened = catalog("one");
        assertThat(reopened.pending()).hasSize(5);
        assertThat(reopened.ids(LibraryQuery.ALL)).containsExactly(a);
        int before = server.mutations.get();
        server.offline = false;
        service(reopened, new ArrayList<>());

        await().atMost(Duration.ofSeconds(5)).until(() -> reopened.pending().isEmpty());
        assertThat(server.mutations.get() - before).isEqualTo(5);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            GalleryItem item = other.item(a).orElseThrow();
            assertThat(item.library().favorite()).isTrue();
            assertThat(item.library().tags()).containsExactly("offline");
            assertThat(item.library().collectionIds()).containsExactly(trips);
            assertThat(other.item(b)).isEmpty();
        });
        GalleryItem mine = reopened.item(a).orElseThrow();
        assertThat(mine.library().tags()).containsExactly("offline");
        assertThat(mine.library().version()).isEqualTo(server.view(a).version());
    }
}
