package com.pixfino.server.bench;

import com.pixfino.model.api.library.CollectionItemsRequest;
import com.pixfino.model.api.library.CollectionRequest;
import com.pixfino.model.api.library.LibraryChanges;
import com.pixfino.server.ServerApp;
import com.pixfino.server.testsupport.TestServices;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A quick check, not a timed test: the change feed's first sync of a 50,000-item library (every item with two tags,
 * a tenth of them in collections, 500 tombstones), paged at 1,000 like the studio does, serialised to JSON as the
 * route would. Prints each page's time and the whole sync's. Run from the repository root after test-compile:
 * {@code java -cp <test classpath> com.pixfino.server.bench.LibraryFeedPages [items]}.
 */
public final class LibraryFeedPages {

    private LibraryFeedPages() {}

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        try (TestServices graph = TestServices.fresh(queue -> TestServices.idleQueue())) {
            UUID user = graph.userWithCredits(0);
            UUID upload = graph.upload(user);
            long preset = graph.presetId("linkedin-headshot");
            var dsl = graph.database().dsl();
            long fill = System.nanoTime();
            dsl.execute(
                    "insert into generations (id, user_id, preset_id, upload_id, prompt, status, media_kind,"
                            + " credits_charged, output_key, output_content_type, thumbnail_key, width, height,"
                            + " created_at, completed_at, updated_at)"
                            + " select gen_random_uuid(), ?, ?, ?, 'a prompt of some length ' || i, 'COMPLETED',"
                            + " 'IMAGE', 1, 'outputs/' || i || '.png', 'image/png', 'outputs/' || i || '.jpg', 1024,"
                            + " 1024, now() - (i || ' seconds')::interval, now(), now() from generate_series(1, ?) i",
                    user,
                    preset,
                    upload,
                    items);
            dsl.execute(
                    "insert into generation_tags (generation_id, tag_key, tag) select id, t, initcap(t)"
                            + " from generations, unnest(array['portrait', 'client-x']) t where user_id = ?",
                    user);
            List<UUID> ids = dsl.fetch("select id from generations where user_id = ?", user)
                    .getValues(0, UUID.class);
            Collections.shuffle(ids);
            for (int c = 0; c < 10; c++) {
                UUID collection = graph.services()
                        .libraryEdits()
                        .create(user, new CollectionRequest(null, "Collection " + c))
                        .collection()
                        .id();
                List<UUID> members = ids.subList(c * items / 100, (c + 1) * items / 100);
                for (int from = 0; from < members.size(); from += 1000) {
                    graph.services()
                            .libraryEdits()
                            .items(
                                    user,
                                    collection,
                                    new CollectionItemsRequest(
                                            new ArrayList<>(
                                                    members.subList(from, Math.min(members.size(), from + 1000))),
                                            null));
                }
            }
            for (UUID gone : ids.subList(ids.size() - 500, ids.size())) {
                graph.services().generationStore().delete(user, gone);
            }
            dsl.execute("analyze");
            System.out.printf(Locale.ROOT, "filled %d items in %.1f s%n", items, (System.nanoTime() - fill) / 1e9);

            var mapper = ServerApp.objectMapper();
            for (int run = 1; run <= 2; run++) {
                List<Double> pages = new ArrayList<>();
                long start = System.nanoTime();
                String cursor = null;
                int rows = 0;
                long bytes = 0;
                LibraryChanges page;
                do {
                    long t = System.nanoTime();
                    page = graph.services().libraryFeed().changes(user, cursor, 1000);
                    bytes += mapper.writeValueAsBytes(page).length;
                    pages.add((System.nanoTime() - t) / 1e6);
                    rows += page.changes().size() + page.deleted().size();
                    cursor = page.cursor();
                } while (page.hasMore());
                double total = (System.nanoTime() - start) / 1e9;
                List<Double> sorted = new ArrayList<>(pages);
                Collections.sort(sorted);
                System.out.printf(
                        Locale.ROOT,
                        "run %d: %d rows in %d pages, %.2f s (%.0f rows/s), %.1f MB JSON; page ms p50 %.1f max %.1f%n",
                        run,
                        rows,
                        pages.size(),
                        total,
                        rows / total,
                        bytes / 1e6,
                        sorted.get(sorted.size() / 2),
                        sorted.get(sorted.size() - 1));
            }
        }
    }
}
