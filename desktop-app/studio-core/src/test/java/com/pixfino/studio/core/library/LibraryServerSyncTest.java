package com.pixfino.studio.core.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.AuthResponse;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.PresetView;
import com.pixfino.model.api.RegisterRequest;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionClients;
import com.pixfino.studio.core.net.CompanionJson;
import com.pixfino.studio.core.net.ServerUrl;
import com.pixfino.studio.core.testsupport.ForwardingApi;
import com.pixfino.studio.core.testsupport.HealthResponses;
import com.pixfino.studio.core.testsupport.PhotoFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two studios' catalogues syncing through one real companion server (embedded PostgreSQL), shared by the tests. */
class LibraryServerSyncTest {

    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);
    private static final Set<String> EDITS = Set.of(
            "patchGeneration", "createCollection", "renameCollection", "deleteCollection", "collectionItems", "delete");
    private static final AtomicInteger SHADE = new AtomicInteger();
    private static TestServer server;
    private static CompanionClients clients;

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = TestServer.start(TestServer.freshConfig("library-sync"));
        clients = CompanionClients.withDefaults(CompanionJson.mapper(), UiThreadGuard.NONE);
    }

    @AfterAll
    static void stopServer() {
        clients.close();
        server.close();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private record Account(String owner, String token, CompanionApi api) {}

    private static Account signedIn() throws IOException {
        CompanionApi anonymous =
                clients.forServer(ServerUrl.parse(server.baseUrl()).orElseThrow());
        String email = "library-" + UUID.randomUUID() + "@pixfino.test";
        AuthResponse auth = anonymous.register(new RegisterRequest(email, "Sunset-Lake-42", "Lib"));
        ApiClient admin = server.client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        ApiClient.Answer granted = admin.post(
                ApiClient.path(ApiPaths.ADMIN_USER_CREDITS, auth.user().id()),
                Map.of("amount", 50, "reason", "test setup"));
        assertThat(granted.status()).isEqualTo(201);
        return new Account(auth.user().id().toString(), auth.token(), anonymous.withToken(auth.token()));
    }

    private UUID completed(Account account, String prompt) throws IOException {
        PresetView cheapest = account.api().presets().stream()
                .filter(p -> p.kind() == com.pixfino.model.MediaKind.IMAGE)
                .min(Comparator.comparingInt(PresetView::credits))
                .orElseThrow();
        int shade = SHADE.incrementAndGet();
        Path photo = PhotoFiles.jpeg(dir.resolve("photos"), "p" + shade + ".jpg", 400 + shade, 500);
        UUID upload = account.api().upload(photo, "image/jpeg").id();
        UUID id = account.api()
                .createGeneration(
                        new CreateGenerationRequest(cheapest.id(), upload, prompt),
                        UUID.randomUUID().toString())
                .id();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> account.api().generation(id).status() == GenerationStatus.COMPLETED);
        return id;
    }

    private LibraryCatalog catalog(Account account, String device) throws IOException {
        LibraryCatalog catalog = LibraryCatalog.open(
                dir.resolve(device).resolve("gallery.db"),
                dir.resolve(device).resolve("files"),
                account.owner(),
                UiThreadGuard.NONE);
        open.add(catalog);
        return catalog;
    }

    private LibraryService service(LibraryCatalog catalog, CompanionApi api, List<String> refusals) {
        LibraryService service = new LibraryService(catalog, api, status -> {}, refusals::add);
        open.add(service);
        service.start();
        return service;
    }

    // Counts the edits that reach the server through this api.
    private static CompanionApi counting(CompanionApi api, AtomicInteger edits) {
        return ForwardingApi.around(api, (method, args, call) -> {
            Object answer = call.proceed();
            if (EDITS.contains(method.getName())) {
                edits.incrementAndGet();
            }
            return answer;
        });
    }

    @Test
    void twoStudiosOnOneAccountConvergeWithinFiveSecondsOfEveryKindOfChange() throws Exception {
        Account ana = signedIn();
        UUID first = completed(ana, "snow princess at dusk");
        LibraryCatalog one = catalog(ana, "one");
        LibraryCatalog two = catalog(ana, "two");
        service(one, ana.api(), new ArrayList<>());
        service(two, ana.api(), new ArrayList<>());
        await().atMost(FIVE_SECONDS).until(() -> one.count(LibraryQuery.ALL) == 1 && two.count(LibraryQuery.ALL) == 1);
        assertThat(two.thumbnail(first)).isPresent();
        assertThat(two.page(LibraryQuery.ALL.withText("snow pri"), 0, 10))
                .extracting(GalleryItem::id)
                .containsExactly(first);

        one.setFavorite(List.of(first), true);
        await().atMost(FIVE_SECONDS)
                .until(() -> two.item(first).orElseThrow().library().favorite());

        two.addTags(List.of(first), List.of("Winter"));
        await().atMost(FIVE_SECONDS)
                .until(() -> one.item(first).orElseThrow().library().tags().equals(List.of("Winter")));

        UUID trips = one.createCollection("Trips");
        one.addToCollection(trips, List.of(first));
        await().atMost(FIVE_SECONDS)
                .until(() -> two.ids(LibraryQuery.ALL.withCollection(trips)).equals(List.of(first)));
        two.renameCollection(trips, "Holidays");
        await().atMost(FIVE_SECONDS)
                .until(() -> one.collections().stream().anyMatch(c -> c.name().equals("Holidays")));

        UUID second = completed(ana, "a new result");
        await().atMost(FIVE_SECONDS).until(() -> one.count(LibraryQuery.ALL) == 2 && two.count(LibraryQuery.ALL) == 2);

        two.delete(List.of(first));
        await().atMost(FIVE_SECONDS).until(() -> one.ids(LibraryQuery.ALL).equals(List.of(second)));
        one.deleteCollection(trips);
        await().atMost(FIVE_SECONDS).until(() -> two.collections().isEmpty());
        assertThat(ana.api().generations(null, null, 10).items())
                .extracting(v -> v.id())
                .containsExactly(second);
    }

    @Test
    void editsMadeOfflineSurviveAClosedStudioAndReachTheServerOnceOnReconnect() throws Exception {
        Account ana = signedIn();
        UUID a = completed(ana, "first");
        UUID b = completed(ana, "second");
        LibraryCatalog other = catalog(ana, "other");
        service(other, ana.api(), new ArrayList<>());
        LibraryCatalog one = catalog(ana, "one");
        new LibrarySync(one).pull(ana.api(), LibrarySync.SILENT);
        await().atMost(FIVE_SECONDS).until(() -> other.count(LibraryQuery.ALL) == 2);

        CompanionApi unreachable = clients.forServer(ServerUrl.parse("http://127.0.0.1:" + HealthResponses.deadPort())
                        .orElseThrow())
                .withToken(ana.token());
        LibraryService offline = service(one, unreachable, new ArrayList<>());
        one.setFavorite(List.of(a), true);
        one.addTags(List.of(a), List.of("made offline"));
        UUID trips = one.createCollection("Trips");
        one.addToCollection(trips, List.of(a));
        one.delete(List.of(b));
        offline.close();
        one.close(); // the studio is closed

        LibraryCatalog reopened = catalog(ana, "one");
        assertThat(reopened.pending()).hasSize(5);
        AtomicInteger edits = new AtomicInteger();
        service(reopened, counting(ana.api(), edits), new ArrayList<>());

        await().atMost(FIVE_SECONDS).until(() -> reopened.pending().isEmpty());
        await().atMost(FIVE_SECONDS).untilAsserted(() -> {
            GalleryItem item = other.item(a).orElseThrow();
            assertThat(item.library().favorite()).isTrue();
            assertThat(item.library().tags()).containsExactly("made offline");
            assertThat(item.library().collectionIds()).containsExactly(trips);
            assertThat(other.item(b)).isEmpty();
            assertThat(other.collections()).extracting(c -> c.name()).containsExactly("Trips");
        });
        assertThat(edits).hasValue(5);
        var onServer = ana.api().generation(a);
        assertThat(onServer.favorite()).isTrue();
        assertThat(onServer.tags()).containsExactly("made offline");
        await().atMost(FIVE_SECONDS)
                .until(() -> reopened.item(a).orElseThrow().library().version()
                        == ana.api().generation(a).version());
    }

    @Test
    void anEditTheServerRefusesIsDroppedUndoneAndReported() throws Exception {
        Account ana = signedIn();
        UUID a = completed(ana, "tagged");
        LibraryCatalog one = catalog(ana, "one");
        List<String> refusals = new CopyOnWriteArrayList<>();
        service(one, ana.api(), refusals);
        await().atMost(FIVE_SECONDS).until(() -> one.count(LibraryQuery.ALL) == 1);

        one.addTags(List.of(a), List.of("x".repeat(41), "fine"));
        assertThat(one.item(a).orElseThrow().library().tags()).hasSize(2);
        await().atMost(FIVE_SECONDS)
                .until(() -> !refusals.isEmpty() && one.pending().isEmpty());
        await().atMost(FIVE_SECONDS)
                .untilAsserted(() ->
                        assertThat(one.item(a).orElseThrow().library().tags()).isEmpty());
        assertThat(ana.api().generation(a).tags()).isEmpty();

        one.addTags(List.of(a), List.of("fine"));
        await().atMost(FIVE_SECONDS).until(() -> ana.api().generation(a).tags().equals(List.of("fine")));
    }
}
