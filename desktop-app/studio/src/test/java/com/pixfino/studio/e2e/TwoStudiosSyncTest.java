package com.pixfino.studio.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.library.CollectionView;
import com.pixfino.model.api.library.LibraryChanges;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.library.Library;
import com.pixfino.studio.core.library.LibraryQuery;
import com.pixfino.studio.core.testsupport.PhotoFiles;
import com.pixfino.studio.testsupport.HeadlessStudio;
import com.pixfino.studio.testsupport.RealCompanion;
import com.pixfino.studio.testsupport.StudioHarness;
import com.pixfino.studio.testsupport.SwitchableLink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two studios (two folders, two SQLite libraries, two event streams) signed in to one account on the real server
 * converge within 5 s of a change made on either; then one goes offline, edits and generates, and reconnects:
 * everything reaches the server once, with one debit, and the other studio follows. Studio A has the window and talks
 * to the server through a link the test unplugs; studio B is the same composition root without a window.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoStudiosSyncTest {

    private static final String EMAIL = "two-studios@example.com";
    private static final String PASSWORD = "Sunset-Lake-42";
    private static final Duration CONVERGENCE = Duration.ofSeconds(5);
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final int RESULTS = 5;

    @TempDir
    static Path dir;

    private RealCompanion server;
    private SwitchableLink link;
    private StudioHarness a;
    private HeadlessStudio b;
    private final List<UUID> results = new ArrayList<>();
    private final List<String> times = new ArrayList<>();
    private UUID trip;

    @BeforeAll
    void twoStudiosOnOneAccount() throws Exception {
        server = RealCompanion.start();
        link = SwitchableLink.to(server.url());
        a = StudioHarness.start(dir.resolve("a"), link.url());
        a.register("Tove", EMAIL, PASSWORD);
        server.setBalance(EMAIL, PASSWORD, 100);
        b = HeadlessStudio.start(dir.resolve("b"), server.url());
        b.signIn(EMAIL, PASSWORD);
        a.drop("photo-drop-zone", PhotoFiles.portrait(dir, "selfie.jpg"));
        a.click("preset-snow-princess");
    }

    @AfterAll
    void closeBoth() throws IOException {
        // the measured times, for the README's figures (the test log shows warnings only)
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "two-studios-convergence.txt"), times);
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (link != null) {
            link.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void aChangeOnEitherStudioReachesTheOtherWithinFiveSeconds() throws Exception {
        // new results: each one made on A is in B's library within 5 s of A having it
        for (int made = 1; made <= RESULTS; made++) {
            int expected = made;
            a.await("Generate to be ready", () -> !a.find("generate").isDisabled());
            a.click("generate");
            Awaitility.await("result " + made + " on A").atMost(PATIENCE).until(() -> count(library(a)) == expected);
            converge("new result " + made, () -> count(b.library()) == expected);
        }
        results.addAll(library(a).ids(LibraryQuery.ALL));
        assertThat(new HashSet<>(b.library().ids(LibraryQuery.ALL))).isEqualTo(new HashSet<>(results));
        a.click("nav-gallery");
        a.await("the five tiles", () -> visibleTiles().size() == RESULTS);
        UUID first = results.get(0);

        library(a).setFavorite(List.of(first), true);
        converge("favourite on A", () -> item(b.library(), first).library().favorite());

        library(a).addTags(List.of(first), List.of("beach", "sunset"));
        converge(
                "tags added on A",
                () -> item(b.library(), first).library().tags().equals(List.of("beach", "sunset")));

        library(a).removeTags(List.of(first), List.of("sunset"));
        converge(
                "tag removed on A",
                () -> item(b.library(), first).library().tags().equals(List.of("beach")));

        trip = library(a).createCollection("Trip");
        library(a).addToCollection(trip, List.of(first));
        converge(
                "collection created and filled on A",
                () -> b.library().collections().stream()
                                .anyMatch(c -> c.id().equals(trip) && c.name().equals("Trip") && c.itemCount() == 1)
                        && item(b.library(), first).library().collectionIds().equals(List.of(trip)));

        UUID deletedOnA = results.get(1);
        library(a).delete(List.of(deletedOnA));
        converge("delete on A", () -> b.library().item(deletedOnA).isEmpty() && count(b.library()) == RESULTS - 1);

        UUID favouredOnB = results.get(2);
        b.library().setFavorite(List.of(favouredOnB), true);
        converge(
                "favourite on B",
                () -> item(library(a), favouredOnB).library().favorite()
                        && StudioHarness.call(() -> tileStar(favouredOnB).equals("\u2605")));

        UUID deletedOnB = results.get(3);
        b.library().delete(List.of(deletedOnB));
        converge(
                "delete on B",
                () -> library(a).item(deletedOnB).isEmpty()
                        && StudioHarness.call(() -> !visibleTiles().contains(deletedOnB)
                                && visibleTiles().size() == RESULTS - 2));
        a.screenshotBothThemes("gallery-two-studios");
    }

    @Test
    @Order(2)
    void offlineEditsAndAnOfflineGenerateReachTheServerOnceAndTheOtherStudioFollows() throws Exception {
        assertThat(results).as("the first step made the results").hasSize(RESULTS);
        UUID edited = results.get(4);
        UUID deleted = results.get(2);
        Set<UUID> before = ids(server.generations(EMAIL, PASSWORD));
        long debitsBefore = debits();

        link.down();
        a.await("A to see it is offline", () -> a.text("online-badge").equals("Offline"));
        library(a).setFavorite(List.of(edited), true);
        library(a).addTags(List.of(edited), List.of("offline"));
        library(a).addToCollection(trip, List.of(edited));
        library(a).delete(List.of(deleted));
        a.click("nav-create");
        a.click("generate");
        a.await(
                "the request kept",
                () -> a.text("create-status").startsWith("Snow Princess is waiting for the connection"));
        // the edits are A's alone meanwhile
        assertThat(item(library(a), edited).library().tags()).containsExactly("offline");
        assertThat(item(b.library(), edited).library().tags()).isEmpty();
        assertThat(b.library().item(deleted)).isPresent();

        link.up();

        Awaitility.await("the offline generate to finish on the server")
                .atMost(PATIENCE)
                .until(() -> newGenerations(before).size() == 1
                        && newGenerations(before).get(0).status() == GenerationStatus.COMPLETED);
        Awaitility.await("the offline edits on the server")
                .atMost(PATIENCE)
                .until(() -> server.library(EMAIL, PASSWORD).changes().stream()
                        .anyMatch(g -> g.id().equals(edited) && g.favorite()));
        UUID made = newGenerations(before).get(0).id();
        LibraryChanges onServer = server.library(EMAIL, PASSWORD);
        GenerationView editedOnServer = onServer.changes().stream()
                .filter(g -> g.id().equals(edited))
                .findFirst()
                .orElseThrow();
        assertThat(editedOnServer.favorite()).isTrue();
        assertThat(editedOnServer.tags()).as("the tag sent once").containsExactly("offline");
        assertThat(editedOnServer.collectionIds())
                .as("added to the collection once")
                .containsExactly(trip);
        assertThat(onServer.collections())
                .filteredOn(c -> c.id().equals(trip))
                .singleElement()
                .extracting(CollectionView::itemCount)
                .isEqualTo(2);
        assertThat(onServer.changes()).noneMatch(g -> g.id().equals(deleted));
        Set<UUID> after = ids(server.generations(EMAIL, PASSWORD));
        Set<UUID> expected = new HashSet<>(before);
        expected.remove(deleted);
        expected.add(made);
        assertThat(after).as("one new generation, the deleted one gone").isEqualTo(expected);
        assertThat(debits()).as("one debit for the offline generate").isEqualTo(debitsBefore + 1);

        converge(
                "B after A reconnected",
                () -> b.library().item(deleted).isEmpty()
                        && b.library().item(made).isPresent()
                        && item(b.library(), edited).library().favorite()
                        && item(b.library(), edited).library().tags().equals(List.of("offline"))
                        && item(b.library(), edited).library().collectionIds().equals(List.of(trip)));
        assertThat(new HashSet<>(b.library().ids(LibraryQuery.ALL)))
                .isEqualTo(new HashSet<>(library(a).ids(LibraryQuery.ALL)))
                .isEqualTo(after);
        assertThat(b.library().collections())
                .filteredOn(c -> c.id().equals(trip))
                .singleElement()
                .extracting(CollectionView::itemCount)
                .isEqualTo(2);
    }

    /** Waits at most 5 s for {@code condition} and keeps how long it took. */
    private void converge(String what, Callable<Boolean> condition) {
        long start = System.nanoTime();
        Awaitility.await(what)
                .atMost(CONVERGENCE)
                .pollInterval(Duration.ofMillis(25))
                .ignoreExceptions()
                .until(condition);
        long millis = (System.nanoTime() - start) / 1_000_000;
        times.add(what + " " + millis + " ms");
    }

    private static Library library(StudioHarness studio) {
        return StudioHarness.call(
                () -> studio.context().library().libraryProperty().get());
    }

    private static int count(Library library) throws IOException {
        return library == null ? -1 : library.count(LibraryQuery.ALL);
    }

    private static GalleryItem item(Library library, UUID id) throws IOException {
        Optional<GalleryItem> item = library.item(id);
        return item.orElseThrow(() -> new AssertionError("no " + id));
    }

    private List<GenerationView> newGenerations(Set<UUID> before) {
        return server.generations(EMAIL, PASSWORD).stream()
                .filter(g -> !before.contains(g.id()))
                .toList();
    }

    private static Set<UUID> ids(List<GenerationView> generations) {
        Set<UUID> ids = new HashSet<>();
        generations.forEach(g -> ids.add(g.id()));
        return ids;
    }

    private long debits() {
        return server.ledger(EMAIL, PASSWORD).stream()
                .filter(entry -> entry.kind() == LedgerKind.DEBIT)
                .count();
    }

    // On the FX thread: the ids of the results the window's gallery shows.
    private List<UUID> visibleTiles() {
        return a.robot().lookup(".library-tile").queryAll().stream()
                .filter(Node::isVisible)
                .map(node -> (UUID) node.getProperties().get("gallery-item-id"))
                .filter(id -> id != null)
                .toList();
    }

    // On the FX thread: the favourite star of the tile showing {@code id}.
    private String tileStar(UUID id) {
        return a.robot().lookup(".library-tile").queryAll().stream()
                .filter(node ->
                        node.isVisible() && id.equals(node.getProperties().get("gallery-item-id")))
                .findFirst()
                .map(node -> ((Labeled) node.lookup(".favorite-star")).getText())
                .orElse("");
    }
}
