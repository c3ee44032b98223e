package com.pixfino.studio.core.bench;

import com.pixfino.model.MediaKind;
import com.pixfino.model.api.AuthResponse;
import com.pixfino.model.api.PresetView;
import com.pixfino.model.api.RegisterRequest;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.studio.core.concurrent.TaskProgress;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.library.LibraryCatalog;
import com.pixfino.studio.core.library.LibraryQuery;
import com.pixfino.studio.core.library.LibrarySync;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionClients;
import com.pixfino.studio.core.net.CompanionJson;
import com.pixfino.studio.core.net.ServerUrl;
import com.pixfino.studio.core.testsupport.PhotoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code bench/sync-50k}: a first sync of a 50,000-item library from a local server (embedded PostgreSQL, the items
 * inserted directly in SQL, each with two tags) into an empty catalogue, then the catalogue's page queries at that
 * size. Prints items/s and seconds (target: the sync in at most 30 s). Not a test: a scripted run.
 */
public final class SyncBench {

    private SyncBench() {}

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Path dir = Files.createTempDirectory("sync-bench");
        try (TestServer server = TestServer.start(TestServer.freshConfig("sync-bench"));
                CompanionClients clients = CompanionClients.withDefaults(CompanionJson.mapper(), UiThreadGuard.NONE)) {
            CompanionApi anonymous =
                    clients.forServer(ServerUrl.parse(server.baseUrl()).orElseThrow());
            AuthResponse auth = anonymous.register(
                    new RegisterRequest("bench-" + UUID.randomUUID() + "@pixfino.test", "Sunset-Lake-42", "Bench"));
            CompanionApi api = anonymous.withToken(auth.token());
            PresetView preset = api.presets().stream()
                    .filter(p -> p.kind() == MediaKind.IMAGE)
                    .min(Comparator.comparingInt(PresetView::credits))
                    .orElseThrow();
            UUID upload = api.upload(PhotoFiles.jpeg(dir, "photo.jpg", 600, 800), "image/jpeg")
                    .id();
            var dsl = server.app().database().dsl();
            long fill = System.nanoTime();
            dsl.execute(
                    "insert into generations (id, user_id, preset_id, upload_id, prompt, status, media_kind,"
                            + " credits_charged, output_key, output_content_type, thumbnail_key, width, height,"
                            + " created_at, completed_at, updated_at)"
                            + " select gen_random_uuid(), ?, ?, ?, 'a prompt of some length ' || i, 'COMPLETED',"
                            + " 'IMAGE', 1, 'outputs/' || i || '.png', 'image/png', 'outputs/' || i || '.jpg', 1024,"
                            + " 1024, now() - (i || ' seconds')::interval, now(), now() from generate_series(1, ?) i",
                    auth.user().id(),
                    preset.id(),
                    upload,
                    items);
            dsl.execute(
                    "insert into generation_tags (generation_id, tag_key, tag) select id, t, initcap(t)"
                            + " from generations, unnest(array['portrait', 'client-x']) t where user_id = ?",
                    auth.user().id());
            dsl.execute("analyze");
            System.out.printf(Locale.ROOT, "filled %d items in %.1f s%n", items, (System.nanoTime() - fill) / 1e9);

            try (LibraryCatalog catalog = LibraryCatalog.open(
                    dir.resolve("gallery.db"),
                    dir.resolve("files"),
                    auth.user().id().toString(),
                    UiThreadGuard.NONE)) {
                java.util.concurrent.atomic.AtomicLong network = new java.util.concurrent.atomic.AtomicLong();
                CompanionApi timed = (CompanionApi) java.lang.reflect.Proxy.newProxyInstance(
                        CompanionApi.class.getClassLoader(), new Class<?>[] {CompanionApi.class}, (p, m, a) -> {
                            long t = System.nanoTime();
                            try {
                                return m.invoke(api, a);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            } finally {
                                network.addAndGet(System.nanoTime() - t);
                            }
                        });
                long start = System.nanoTime();
                LibrarySync.Outcome outcome = new LibrarySync(catalog).pull(timed, new TaskProgress() {
                    @Override
                    public void update(double fraction, String message) {}

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                });
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "sync-50k: first sync of %d items in %d pages: %.1f s, %.0f items/s (target <= 30 s)%n",
                        outcome.rows(),
                        outcome.pages(),
                        seconds,
                        outcome.rows() / seconds);
                System.out.printf(
                        Locale.ROOT,
                        "  the server's pages took %.1f s to arrive (fetched ahead while the previous page is stored,"
                                + " so the two overlap)%n",
                        network.get() / 1e9);

                int count = catalog.count(LibraryQuery.ALL);
                for (int round = 1; round <= 2; round++) {
                    time("count all", () -> catalog.count(LibraryQuery.ALL));
                    time("page 0..200 newest", () -> catalog.page(LibraryQuery.ALL, 0, 200));
                    time("page at the middle", () -> catalog.page(LibraryQuery.ALL, count / 2, 200));
                    time("page at the end", () -> catalog.page(LibraryQuery.ALL, count - 200, 200));
                    time(
                            "oldest first, page 0",
                            () -> catalog.page(LibraryQuery.ALL.withSort(LibraryQuery.Sort.OLDEST), 0, 200));
                    time(
                            "search 'prom leng 4999' count",
                            () -> catalog.count(LibraryQuery.ALL.withText("prom leng 4999")));
                    time("search 'portr' page", () -> catalog.page(LibraryQuery.ALL.withText("portr"), 0, 200));
                    time("tag filter count", () -> catalog.count(LibraryQuery.ALL.withTag("Portrait")));
                    time("favourites count", () -> catalog.count(LibraryQuery.ALL.withFavoritesOnly(true)));
                    time("all ids (select all)", () -> catalog.ids(LibraryQuery.ALL));
                }
            }
        } finally {
            try (var tree = Files.walk(dir)) {
                tree.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private interface Query {
        Object run() throws Exception;
    }

    private static void time(String what, Query query) throws Exception {
        long start = System.nanoTime();
        Object result = query.run();
        String size = result instanceof java.util.List<?> list ? list.size() + " rows" : String.valueOf(result);
        System.out.printf(Locale.ROOT, "  %-32s %7.1f ms  (%s)%n", what, (System.nanoTime() - start) / 1e6, size);
    }
}
