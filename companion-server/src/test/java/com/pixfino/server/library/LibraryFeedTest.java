package com.pixfino.server.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.library.CollectionItemsRequest;
import com.pixfino.model.api.library.CollectionRequest;
import com.pixfino.model.api.library.CollectionView;
import com.pixfino.model.api.library.DeletedGeneration;
import com.pixfino.model.api.library.LibraryChanges;
import com.pixfino.model.api.library.LibraryPatch;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.PageCursor;
import com.pixfino.server.generation.GenerationStore;
import com.pixfino.server.generation.StoredOutput;
import com.pixfino.server.testsupport.MovableClock;
import com.pixfino.server.testsupport.TestServices;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The change feed at the service level: what it sends, when it re-sends, paging, resets, cursors, concurrency. */
class LibraryFeedTest {

    private static TestServices graph;
    private static LibraryFeed feed;
    private static LibraryEdits edits;
    private static GenerationStore store;
    private static long preset;

    @BeforeAll
    static void start() {
        graph = TestServices.fresh(queue -> TestServices.idleQueue());
        feed = graph.services().libraryFeed();
        edits = graph.services().libraryEdits();
        store = graph.services().generationStore();
        preset = graph.presetId("linkedin-headshot");
    }

    @AfterAll
    static void stop() {
        graph.close();
    }

    @Test
    void aFirstSyncWithoutCursorSendsEverythingIncludingTombstones() {
        UUID user = graph.userWithCredits(20);
        UUID kept = create(user);
        UUID other = create(user);
        UUID deleted = create(user);
        CollectionView album = collection(user, "Album");
        edits.items(user, album.id(), new CollectionItemsRequest(List.of(kept, deleted), null));
        CollectionView gone = collection(user, "Gone");
        edits.delete(user, gone.id());
        graph.services().deletion().delete(user, deleted);

        LibraryChanges all = feed.changes(user, null, 500);

        assertThat(all.changes()).extracting(GenerationView::id).containsExactlyInAnyOrder(kept, other);
        assertThat(all.deleted()).extracting(DeletedGeneration::id).containsExactly(deleted);
        assertThat(all.deleted().get(0).deletedAt()).isNotNull();
        assertThat(all.collections()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(album.id());
            assertThat(c.itemCount()).isEqualTo(1);
        });
        assertThat(all.deletedCollections()).containsExactly(gone.id());
        assertThat(all.hasMore()).isFalse();
        assertThat(all.resetRequired()).isFalse();
        GenerationView keptView = all.changes().stream()
                .filter(v -> v.id().equals(kept))
                .findFirst()
                .orElseThrow();
        assertThat(keptView.collectionIds()).containsExactly(album.id());
        assertThat(keptView.version()).isPositive();
        // nothing changed since: the next page is empty and keeps a usable cursor
        LibraryChanges next = feed.changes(user, all.cursor(), 500);
        assertThat(next.changes()).isEmpty();
        assertThat(next.deleted()).isEmpty();
        assertThat(next.collections()).isEmpty();
        assertThat(feed.changes(user, next.cursor(), 500).changes()).isEmpty();
        // another user's library is not in it
        assertThat(feed.changes(graph.userWithCredits(0), null, 500).changes()).isEmpty();
    }

    @Test
    void everyKindOfChangeReSendsTheItemWithAHigherVersion() {
        UUID user = graph.userWithCredits(20);
        UUID id = create(user);
        UUID failing = create(user);
        Follower follower = new Follower(user);
        follower.pull();
        long version = follower.version(id);

        version =
                follower.expectNewer(id, version, () -> store.markRunning(id, "replicate", "m", Duration.ofMinutes(5)));
        version = follower.expectNewer(
                id,
                version,
                () -> store.complete(
                        id, new StoredOutput("outputs/x.png", "image/png", "outputs/x.jpg", 2, 3), BigDecimal.ONE));
        assertThat(follower.view(id).outputUrl()).isNotNull();
        version = follower.expectNewer(id, version, () -> edits.patch(user, id, new LibraryPatch(true, null, null)));
        assertThat(follower.view(id).favorite()).isTrue();
        version = follower.expectNewer(
                id, version, () -> edits.patch(user, id, new LibraryPatch(null, List.of("beach", "Summer"), null)));
        assertThat(follower.view(id).tags()).containsExactly("beach", "Summer");
        version = follower.expectNewer(
                id, version, () -> edits.patch(user, id, new LibraryPatch(null, null, List.of("SUMMER"))));
        assertThat(follower.view(id).tags()).containsExactly("beach");
        CollectionView album = collection(user, "Album");
        version = follower.expectNewer(
                id, version, () -> edits.items(user, album.id(), new CollectionItemsRequest(List.of(id), null)));
        assertThat(follower.view(id).collectionIds()).containsExactly(album.id());
        assertThat(follower.collection(album.id()).itemCount()).isEqualTo(1);
        version = follower.expectNewer(id, version, () -> edits.delete(user, album.id()));
        assertThat(follower.view(id).collectionIds()).isEmpty();
        assertThat(follower.deletedCollections).contains(album.id());

        long failingVersion = follower.version(failing);
        follower.expectNewer(failing, failingVersion, () -> store.fail(failing, "provider_error", "boom"));
        assertThat(follower.view(failing).refunded()).isTrue();

        // an edit that changes nothing re-sends nothing
        edits.patch(user, id, new LibraryPatch(true, List.of("BEACH"), List.of("absent")));
        follower.pull();
        assertThat(follower.version(id)).isEqualTo(version);

        // a deleted generation: a tombstone, and its collections re-sent with the new item count
        CollectionView second = collection(user, "Second");
        edits.items(user, second.id(), new CollectionItemsRequest(List.of(id, failing), null));
        follower.pull();
        assertThat(follower.collection(second.id()).itemCount()).isEqualTo(2);
        long collectionVersion = follower.collection(second.id()).version();
        graph.services().deletion().delete(user, id);
        follower.pull();
        assertThat(follower.deleted).contains(id);
        assertThat(follower.views).doesNotContainKey(id);
        assertThat(follower.collection(second.id()).itemCount()).isEqualTo(1);
        assertThat(follower.collection(second.id()).version()).isGreaterThan(collectionVersion);
    }

    @Test
    void limitCountsChangesAndDeletionsAndHasMorePagesThroughAll() {
        UUID user = graph.userWithCredits(20);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(create(user));
        }
        graph.services().deletion().delete(user, ids.get(1));
        graph.services().deletion().delete(user, ids.get(3));

        List<UUID> changed = new ArrayList<>();
        List<UUID> deleted = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<Boolean> more = new ArrayList<>();
        String cursor = null;
        do {
            LibraryChanges page = feed.changes(user, cursor, 2);
            page.changes().forEach(v -> changed.add(v.id()));
            page.deleted().forEach(d -> deleted.add(d.id()));
            sizes.add(page.changes().size() + page.deleted().size());
            more.add(page.hasMore());
            cursor = page.cursor();
        } while (more.get(more.size() - 1));

        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(more).containsExactly(true, true, false);
        assertThat(changed).containsExactlyInAnyOrder(ids.get(0), ids.get(2), ids.get(4));
        assertThat(deleted).containsExactlyInAnyOrder(ids.get(1), ids.get(3));
    }

    @Test
    void aCursorOlderThanTheTombstoneWindowAsksForAResetAndOldTombstonesArePurged() {
        MovableClock clock = new MovableClock(Instant.now());
        Duration window = Duration.ofSeconds(9);
        LibraryFeed shortFeed =
                new LibraryFeed(graph.database().dsl(), graph.services().generations(), window, clock);
        UUID user = graph.userWithCredits(20);
        UUID id = create(user);
        String cursor = shortFeed.changes(user, null, 500).cursor();
        graph.services().deletion().delete(user, id);

        clock.advance(Duration.ofSeconds(5));
        // within the window: a page that leaves nothing more renews the cursor's time
        LibraryChanges fresh = shortFeed.changes(user, cursor, 500);
        assertThat(fresh.resetRequired()).isFalse();
        assertThat(fresh.deleted()).extracting(DeletedGeneration::id).containsExactly(id);
        clock.advance(Duration.ofSeconds(5));
        assertThat(shortFeed.changes(user, fresh.cursor(), 500).resetRequired()).isFalse();

        LibraryChanges stale = shortFeed.changes(user, cursor, 500);
        assertThat(stale.resetRequired()).isTrue();
        assertThat(stale.cursor()).isNull();
        assertThat(stale.changes()).isEmpty();
        assertThat(stale.deleted()).isEmpty();
        assertThat(stale.hasMore()).isFalse();

        // the purge removes tombstones once older than the window, not before
        clock.advance(Duration.ofSeconds(-10));
        new TombstonePurge(graph.database().dsl(), window, clock).runNow();
        assertThat(feed.changes(user, null, 500).deleted())
                .extracting(DeletedGeneration::id)
                .contains(id);
        clock.advance(Duration.ofSeconds(20));
        assertThat(new TombstonePurge(graph.database().dsl(), window, clock).runNow())
                .isPositive();
        assertThat(feed.changes(user, null, 500).deleted()).isEmpty();
        assertThat(TombstonePurge.interval(window)).isEqualTo(Duration.ofSeconds(1));
        assertThat(TombstonePurge.interval(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(6));
        assertThat(TombstonePurge.interval(Duration.ofDays(90))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void limitsAndCursorsNotHandedOutAreRefused() {
        UUID user = graph.userWithCredits(20);
        create(user);
        String good = feed.changes(user, null, 500).cursor();
        UUID other = graph.userWithCredits(0);
        for (int limit : new int[] {0, -1, 1001}) {
            assertInvalid(() -> feed.changes(user, null, limit), "invalid_limit");
        }
        List<String> bad = List.of(
                "bogus",
                "1.!!!",
                good + "\u0000",
                "1." + "A".repeat(600),
                PageCursor.encode(user.toString(), "1", "2"),
                PageCursor.encode(user.toString(), "-1", "0", "0"),
                PageCursor.encode(user.toString(), "01", "0", "0"),
                PageCursor.encode(user.toString(), "0", String.valueOf(Long.MAX_VALUE), "0"),
                PageCursor.encode(user.toString(), String.valueOf(Long.MAX_VALUE), "0", "0"),
                PageCursor.encode(
                        user.toString(),
                        "0",
                        "0",
                        String.valueOf(Instant.now().plus(Duration.ofDays(1)).toEpochMilli())),
                PageCursor.encode("not-a-uuid", "0", "0", "0"));
        List<String> accepted = new ArrayList<>();
        for (String cursor : bad) {
            try {
                feed.changes(user, cursor, 500);
                accepted.add(cursor);
            } catch (DomainException e) {
                assertThat(e.code()).isEqualTo("invalid_cursor");
            }
        }
        assertThat(accepted).as("cursors not handed out but accepted").isEmpty();
        // a cursor handed to another account is not this account's
        assertInvalid(() -> feed.changes(other, good, 500), "invalid_cursor");
        assertThat(feed.changes(user, good, 500).resetRequired()).isFalse();
    }

    /**
     * T1 changes a generation and holds its commit; T2 changes another one later (a higher version) and commits; a
     * reader pulls; then T1 commits. A feed keyed on "version after the last one seen" would hand out a cursor past
     * T2's version and never send T1's change. This one sends both.
     */
    @Test
    void aChangeThatCommitsAfterALaterOneIsNeverSkipped() throws Exception {
        UUID user = graph.userWithCredits(20);
        UUID first = create(user);
        UUID second = create(user);
        Follower follower = new Follower(user);
        follower.pull();
        long firstBefore = follower.version(first);
        long secondBefore = follower.version(second);

        try (Connection t1 = graph.database().dataSource().getConnection();
                Connection t2 = graph.database().dataSource().getConnection()) {
            t1.setAutoCommit(false);
            t2.setAutoCommit(false);
            long v1 = favorite(t1, first, true);
            long v2 = favorite(t2, second, true);
            assertThat(v2).isGreaterThan(v1);
            t2.commit();

            follower.pull();
            // T2 is committed but older T1 is still open: the feed holds T2 back rather than pass it
            assertThat(follower.version(second)).isEqualTo(secondBefore);
            assertThat(follower.version(first)).isEqualTo(firstBefore);

            t1.commit();
        }
        follower.pull();
        assertThat(follower.view(first).favorite()).isTrue();
        assertThat(follower.view(second).favorite()).isTrue();
        assertThat(follower.version(first)).isGreaterThan(firstBefore);
        assertThat(follower.version(second)).isGreaterThan(secondBefore);
    }

    /** Several writers commit in random order while a reader follows the cursor: it ends with exactly the truth. */
    @Test
    void aReaderFollowingTheCursorUnderConcurrentWritesEndsWithTheTruth() throws Exception {
        UUID user = graph.userWithCredits(100);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(create(user));
        }
        Follower follower = new Follower(user);
        follower.limit = 3;
        follower.pull();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        for (int w = 0; w < 4; w++) {
            writers.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < until) {
                    try (Connection tx = graph.database().dataSource().getConnection()) {
                        tx.setAutoCommit(false);
                        // two rows at most, in id order, so writers never deadlock on each other
                        int a = random.nextInt(ids.size());
                        int b = random.nextInt(ids.size());
                        favorite(tx, ids.get(Math.min(a, b)), random.nextBoolean());
                        if (a != b) {
                            favorite(tx, ids.get(Math.max(a, b)), random.nextBoolean());
                        }
                        Thread.sleep(random.nextInt(15));
                        tx.commit();
                    }
                }
                return null;
            }));
        }
        int pulls = 0;
        while (writers.stream().anyMatch(f -> !f.isDone())) {
            follower.pull();
            pulls++;
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
        follower.pull();

        assertThat(pulls).isGreaterThan(3);
        Map<UUID, Boolean> truth = new HashMap<>();
        Map<UUID, Long> versions = new HashMap<>();
        graph.database()
                .dsl()
                .fetch("select id, favorite, version from generations where user_id = ?", user)
                .forEach(r -> {
                    truth.put(r.get("id", UUID.class), r.get("favorite", Boolean.class));
                    versions.put(r.get("id", UUID.class), r.get("version", Long.class));
                });
        for (UUID id : ids) {
            assertThat(follower.view(id).favorite()).as("favorite of " + id).isEqualTo(truth.get(id));
            assertThat(follower.version(id)).as("version of " + id).isEqualTo(versions.get(id));
        }
        assertThat(follower.wentBack).as("an item's version never went back").isFalse();
    }

    /** Sets favorite in the open transaction (the trigger gives it a new version) and answers that version. */
    private static long favorite(Connection tx, UUID id, boolean value) throws Exception {
        try (PreparedStatement update = tx.prepareStatement(
                "update generations set favorite = ?, version = version + 1 where id = ? returning version")) {
            update.setBoolean(1, value);
            update.setObject(2, id);
            try (var rows = update.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** A client's copy of the library, kept by following the feed's cursor. */
    private static final class Follower {
        final UUID user;
        final Map<UUID, GenerationView> views = new HashMap<>();
        final Map<UUID, CollectionView> collections = new HashMap<>();
        final List<UUID> deleted = new ArrayList<>();
        final List<UUID> deletedCollections = new ArrayList<>();
        String cursor;
        int limit = 500;
        boolean wentBack;

        Follower(UUID user) {
            this.user = user;
        }

        void pull() {
            LibraryChanges page;
            do {
                page = feed.changes(user, cursor, limit);
                assertThat(page.resetRequired()).isFalse();
                for (GenerationView view : page.changes()) {
                    GenerationView old = views.get(view.id());
                    if (old != null && old.version() > view.version()) {
                        wentBack = true;
                    }
                    views.put(view.id(), view);
                }
                page.deleted().forEach(d -> {
                    views.remove(d.id());
                    deleted.add(d.id());
                });
                page.collections().forEach(c -> collections.put(c.id(), c));
                page.deletedCollections().forEach(c -> {
                    collections.remove(c);
                    deletedCollections.add(c);
                });
                cursor = page.cursor();
            } while (page.hasMore());
        }

        GenerationView view(UUID id) {
            return views.get(id);
        }

        CollectionView collection(UUID id) {
            return collections.get(id);
        }

        long version(UUID id) {
            return views.get(id).version();
        }

        long expectNewer(UUID id, long before, Runnable change) {
            change.run();
            pull();
            assertThat(version(id)).isGreaterThan(before);
            return version(id);
        }
    }

    private static CollectionView collection(UUID user, String name) {
        return edits.create(user, new CollectionRequest(null, name)).collection();
    }

    private static UUID create(UUID user) {
        return graph.services()
                .generations()
                .create(user, new CreateGenerationRequest(preset, graph.upload(user), null), null)
                .id();
    }

    private static void assertInvalid(Runnable call, String code) {
        assertThatThrownBy(call::run).as(code).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
