package com.pixfino.server.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.apikeys.CreatedApiKey;
import com.pixfino.model.api.library.CollectionView;
import com.pixfino.model.api.library.LibraryChanges;
import com.pixfino.server.domain.PageCursor;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.EventsStream;
import com.pixfino.server.testsupport.ServerExtension;
import com.pixfino.server.testsupport.Studio;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The library routes over HTTP: edits, collections, the change feed, owner-only access, scopes and the SSE event. */
class LibraryApiTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    private static Studio studio;
    private static long preset;

    @BeforeAll
    static void start() {
        studio = new Studio(SERVER.server());
        preset = studio.presetId("linkedin-headshot");
    }

    @Test
    void patchSetsFavouriteAndTagsAnswersTheNewViewAndIsIdempotent() {
        ApiClient user = studio.userWithCredits(10);
        String id = Studio.generate(user, preset, null);
        // the job's own status changes re-send it too: let it end first, so versions move only by these edits
        Studio.awaitFinal(user, id, Duration.ofSeconds(30));
        String path = ApiClient.path(ApiPaths.GENERATION, id);

        Answer first = patch(user, path, "{\"favorite\":true,\"addTags\":[\"  Beach \",\"beach\",\"Summer\"]}");
        assertThat(first.status()).isEqualTo(200);
        GenerationView view = first.as(GenerationView.class);
        assertThat(view.favorite()).isTrue();
        assertThat(view.tags()).containsExactly("Beach", "Summer");
        assertThat(view.version()).isPositive();

        // the same request again changes nothing: same view, same version
        GenerationView again = patch(user, path, "{\"favorite\":true,\"addTags\":[\"Beach\",\"BEACH\",\"Summer\"]}")
                .as(GenerationView.class);
        assertThat(again.tags()).containsExactly("Beach", "Summer");
        assertThat(again.version()).isEqualTo(view.version());

        GenerationView removed = patch(user, path, "{\"favorite\":false,\"removeTags\":[\"SUMMER\",\"never\"]}")
                .as(GenerationView.class);
        assertThat(removed.favorite()).isFalse();
        assertThat(removed.tags()).containsExactly("Beach");
        assertThat(removed.version()).isGreaterThan(view.version());
        assertThat(patch(user, path, "{}").as(GenerationView.class).version()).isEqualTo(removed.version());

        // GET one and the list carry the same library fields
        GenerationView got = Studio.generation(user, id);
        assertThat(got.tags()).containsExactly("Beach");
        assertThat(got.version()).isEqualTo(removed.version());
        assertThat(user.get(ApiPaths.GENERATIONS).page(GenerationView.class).items())
                .filteredOn(g -> g.id().toString().equals(id))
                .singleElement()
                .satisfies(g -> assertThat(g.tags()).containsExactly("Beach"));
    }

    @Test
    void tagAndNameRulesAreRefusedWithASentence() {
        ApiClient user = studio.userWithCredits(10);
        String path = ApiClient.path(ApiPaths.GENERATION, Studio.generate(user, preset, null));
        Map<String, String> badTags = Map.of(
                "{\"addTags\":[\"   \"]}",
                "invalid_tag",
                "{\"addTags\":[\"" + "x".repeat(41) + "\"]}",
                "invalid_tag",
                "{\"addTags\":[\"tab\\there\"]}",
                "invalid_text",
                "{\"addTags\":[\"nul\\u0000\"]}",
                "invalid_text",
                "{\"addTags\":[null]}",
                "invalid_tag",
                "{\"addTags\":[\"ok\"],\"colour\":\"red\"}",
                "unknown_field");
        for (Map.Entry<String, String> bad : badTags.entrySet()) {
            Answer answer = patch(user, path, bad.getKey());
            assertThat(answer.status()).as(bad.getKey()).isEqualTo(400);
            assertThat(answer.json().path("error").path("message").asText())
                    .as(bad.getKey())
                    .isNotBlank();
        }
        List<String> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add("\"t" + i + "\"");
        }
        assertThat(patch(user, path, "{\"addTags\":[" + String.join(",", fifty) + "]}")
                        .status())
                .isEqualTo(200);
        Answer tooMany = patch(user, path, "{\"addTags\":[\"one-more\"]}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.errorCode()).isEqualTo("too_many_tags");
        assertThat(tooMany.json().path("error").path("message").asText()).contains("50");
        assertThat(Studio.generation(user, path.substring(path.lastIndexOf('/') + 1))
                        .tags())
                .hasSize(50);

        for (String name : List.of("\"\"", "\"   \"", "\"" + "n".repeat(101) + "\"", "\"a\\u0007b\"", "null")) {
            Answer answer = user.postRaw(ApiPaths.COLLECTIONS, "{\"name\":" + name + "}");
            assertThat(answer.status()).as(name).isEqualTo(400);
            assertThat(answer.json().path("error").path("message").asText()).isNotBlank();
        }
        assertThat(user.postRaw(ApiPaths.COLLECTIONS, "{\"name\":\"" + "n".repeat(100) + "\"}")
                        .status())
                .isEqualTo(201);
        assertThat(user.postRaw(ApiPaths.COLLECTIONS, "{\"name\":\"x\",\"colour\":1}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void collectionsAreIdempotentAndOwnerOnly() {
        ApiClient user = studio.userWithCredits(10);
        ApiClient stranger = studio.userWithCredits(10);
        String mine = Studio.generate(user, preset, null);
        String theirs = Studio.generate(stranger, preset, null);
        UUID id = UUID.randomUUID();
        String body = "{\"id\":\"" + id + "\",\"name\":\" Trip \"}";

        Answer created = user.postRaw(ApiPaths.COLLECTIONS, body);
        assertThat(created.status()).isEqualTo(201);
        CollectionView view = created.as(CollectionView.class);
        assertThat(view.id()).isEqualTo(id);
        assertThat(view.name()).isEqualTo("Trip");
        Answer repeated = user.postRaw(ApiPaths.COLLECTIONS, body);
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.as(CollectionView.class)).isEqualTo(view);
        // another user's id is answered like a missing collection: 404, the same body
        Answer taken = stranger.postRaw(ApiPaths.COLLECTIONS, body);
        assertThat(taken.status()).isEqualTo(404);
        assertThat(taken.errorCode()).isEqualTo("not_found");
        String missing = "Collection " + id + " was not found.";
        assertThat(taken.json().path("error").path("message").asText()).isEqualTo(missing);
        assertThat(user.postRaw(ApiPaths.COLLECTIONS, "{\"name\":\"Server picks\"}")
                        .status())
                .isEqualTo(201);

        String items = ApiClient.path(ApiPaths.COLLECTION_ITEMS, id);
        CollectionView added =
                user.postRaw(items, "{\"add\":[\"" + mine + "\"]}").as(CollectionView.class);
        assertThat(added.itemCount()).isEqualTo(1);
        assertThat(user.postRaw(items, "{\"add\":[\"" + mine + "\"]}").as(CollectionView.class))
                .isEqualTo(added);
        // another user's generation: 404, and nothing changes
        Answer foreign = user.postRaw(items, "{\"add\":[\"" + theirs + "\"],\"remove\":[\"" + mine + "\"]}");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(Studio.generation(user, mine).collectionIds()).containsExactly(id);
        assertThat(Studio.generation(stranger, theirs).collectionIds()).isEmpty();

        String collection = ApiClient.path(ApiPaths.COLLECTION, id);
        Answer renamed = patch(user, collection, "{\"name\":\"Holiday\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.as(CollectionView.class).name()).isEqualTo("Holiday");
        assertThat(renamed.as(CollectionView.class).version()).isGreaterThan(added.version());
        assertThat(patch(user, collection, "{\"name\":\"Holiday\"}").as(CollectionView.class))
                .isEqualTo(renamed.as(CollectionView.class));

        // the stranger reaches none of it
        assertThat(patch(stranger, collection, "{\"name\":\"Mine now\"}").status())
                .isEqualTo(404);
        assertThat(stranger.postRaw(items, "{\"remove\":[\"" + mine + "\"]}").status())
                .isEqualTo(404);
        assertThat(stranger.delete(collection).status()).isEqualTo(404);
        assertThat(patch(stranger, ApiClient.path(ApiPaths.GENERATION, mine), "{\"favorite\":true}")
                        .status())
                .isEqualTo(404);
        assertThat(Studio.generation(user, mine).favorite()).isFalse();

        CollectionView removed =
                user.postRaw(items, "{\"remove\":[\"" + mine + "\"]}").as(CollectionView.class);
        assertThat(removed.itemCount()).isZero();
        user.postRaw(items, "{\"add\":[\"" + mine + "\"]}");
        assertThat(user.delete(collection).status()).isEqualTo(204);
        assertThat(user.delete(collection).status()).isEqualTo(204);
        assertThat(Studio.generation(user, mine).collectionIds()).isEmpty();
        assertThat(patch(user, collection, "{\"name\":\"Back\"}").status()).isEqualTo(404);
        LibraryChanges afterDelete = user.get(ApiPaths.LIBRARY_CHANGES).as(LibraryChanges.class);
        assertThat(afterDelete.deletedCollections()).contains(id);
        assertThat(afterDelete.collections()).extracting(CollectionView::id).doesNotContain(id);
        // the same create replayed by its owner (an offline device's lost-answer retry) must not undo the delete
        Answer remade = user.postRaw(ApiPaths.COLLECTIONS, body);
        assertThat(remade.status()).isEqualTo(404);
        assertThat(remade.errorCode()).isEqualTo("not_found");
        assertThat(remade.json().path("error").path("message").asText()).contains("was deleted");
        LibraryChanges afterRemake = user.get(ApiPaths.LIBRARY_CHANGES).as(LibraryChanges.class);
        assertThat(afterRemake.deletedCollections()).contains(id);
        assertThat(afterRemake.collections()).extracting(CollectionView::id).doesNotContain(id);
        // the stranger learns nothing from the tombstone either
        assertThat(stranger.postRaw(ApiPaths.COLLECTIONS, body)
                        .json()
                        .path("error")
                        .path("message")
                        .asText())
                .isEqualTo(missing);
        assertThat(user.delete(collection).status()).isEqualTo(204);
        assertThat(user.delete(ApiClient.path(ApiPaths.COLLECTION, UUID.randomUUID()))
                        .status())
                .isEqualTo(404);
        // a deleted generation: PATCH is a 404, and removing it from a collection is fine
        String gone = Studio.generate(user, preset, null);
        Answer other = user.postRaw(ApiPaths.COLLECTIONS, "{\"name\":\"Other\"}");
        String otherItems = ApiClient.path(
                ApiPaths.COLLECTION_ITEMS, other.as(CollectionView.class).id());
        user.postRaw(otherItems, "{\"add\":[\"" + gone + "\"]}");
        assertThat(user.delete(ApiClient.path(ApiPaths.GENERATION, gone)).status())
                .isEqualTo(204);
        assertThat(patch(user, ApiClient.path(ApiPaths.GENERATION, gone), "{\"favorite\":true}")
                        .status())
                .isEqualTo(404);
        assertThat(user.postRaw(otherItems, "{\"remove\":[\"" + gone + "\"]}").status())
                .isEqualTo(200);
        assertThat(user.postRaw(otherItems, "{\"add\":[\"" + gone + "\"]}").status())
                .isEqualTo(404);
    }

    @Test
    void everyNewRouteWantsACredentialAndAKeyWithTheRightScope() {
        ApiClient user = studio.userWithCredits(10);
        String generation = Studio.generate(user, preset, null);
        UUID collection = user.postRaw(ApiPaths.COLLECTIONS, "{\"name\":\"Keys\"}")
                .as(CollectionView.class)
                .id();
        ApiClient anonymous = SERVER.client();
        Map<String, String[]> routes = new HashMap<>();
        routes.put("GET", new String[] {ApiPaths.LIBRARY_CHANGES});
        routes.put("PATCH", new String[] {
            ApiClient.path(ApiPaths.GENERATION, generation), ApiClient.path(ApiPaths.COLLECTION, collection)
        });
        routes.put("POST", new String[] {ApiPaths.COLLECTIONS, ApiClient.path(ApiPaths.COLLECTION_ITEMS, collection)});
        routes.put("DELETE", new String[] {ApiClient.path(ApiPaths.COLLECTION, collection)});
        for (Map.Entry<String, String[]> route : routes.entrySet()) {
            for (String path : route.getValue()) {
                String body = route.getKey().equals("GET") || route.getKey().equals("DELETE") ? null : "{}";
                assertThat(anonymous.method(route.getKey(), path, body).status())
                        .as(route.getKey() + " " + path)
                        .isEqualTo(401);
            }
        }
        ApiClient reader = SERVER.client().withToken(key(user, "read"));
        ApiClient generator = SERVER.client().withToken(key(user, "generate"));
        assertThat(reader.get(ApiPaths.LIBRARY_CHANGES).status()).isEqualTo(200);
        String generationPath = ApiClient.path(ApiPaths.GENERATION, generation);
        assertThat(patch(reader, generationPath, "{\"favorite\":true}").status())
                .isEqualTo(403);
        assertThat(reader.postRaw(ApiPaths.COLLECTIONS, "{\"name\":\"no\"}").status())
                .isEqualTo(403);
        assertThat(patch(generator, generationPath, "{\"favorite\":true}").status())
                .isEqualTo(200);
        assertThat(generator.postRaw(ApiPaths.COLLECTIONS, "{\"name\":\"yes\"}").status())
                .isEqualTo(201);
        assertThat(generator
                        .get(ApiPaths.LIBRARY_CHANGES)
                        .as(LibraryChanges.class)
                        .changes())
                .extracting(GenerationView::id)
                .contains(UUID.fromString(generation));
    }

    @Test
    void theChangeFeedOverHttpPagesAndRefusesWhatItDidNotHandOut() {
        ApiClient user = studio.userWithCredits(10);
        String a = Studio.generate(user, preset, null);
        String b = Studio.generate(user, preset, null);
        // The feed hands out a change only once every older transaction on the server has ended (other tests' jobs
        // too): wait, as a studio following the feed would, until both finished generations are in it.
        Studio.awaitFinal(user, a, Duration.ofSeconds(30));
        Studio.awaitFinal(user, b, Duration.ofSeconds(30));
        await("both generations in the feed")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                user
                                        .get(ApiPaths.LIBRARY_CHANGES + "?limit=1000")
                                        .as(LibraryChanges.class)
                                        .changes()
                                        .stream()
                                        .map(GenerationView::id)
                                        .toList(),
                        ids -> ids.containsAll(List.of(UUID.fromString(a), UUID.fromString(b))));
        LibraryChanges first = user.get(ApiPaths.LIBRARY_CHANGES + "?limit=1").as(LibraryChanges.class);
        assertThat(first.changes()).hasSize(1);
        assertThat(first.hasMore()).isTrue();
        Map<UUID, GenerationView> seen = new HashMap<>();
        first.changes().forEach(v -> seen.put(v.id(), v));
        String cursor = first.cursor();
        LibraryChanges page;
        do {
            page = user.get(ApiPaths.LIBRARY_CHANGES + "?limit=1&cursor=" + encode(cursor))
                    .as(LibraryChanges.class);
            page.changes().forEach(v -> seen.put(v.id(), v));
            cursor = page.cursor();
        } while (page.hasMore());
        assertThat(seen).containsKeys(UUID.fromString(a), UUID.fromString(b));

        for (String query : List.of(
                "?limit=0",
                "?limit=1001",
                "?limit=ten",
                "?cursor=bogus",
                "?cursor=" + encode(cursor + "\u0000"),
                "?cursor=%00",
                "?cursor=1.%21%21",
                "?cursor=1.....")) {
            Answer answer = user.get(ApiPaths.LIBRARY_CHANGES + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.errorCode()).as(query).isIn("invalid_limit", "invalid_cursor", "invalid_text");
        }
        ApiClient stranger = studio.userWithCredits(0);
        assertThat(stranger.get(ApiPaths.LIBRARY_CHANGES + "?cursor=" + encode(cursor))
                        .status())
                .isEqualTo(400);
        assertThat(user.get(ApiPaths.LIBRARY_CHANGES + "?cursor=" + encode(cursor))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aCursorWithAnyFieldEditedIsRefusedWithTheSameSentence() {
        ApiClient user = studio.userWithCredits(10);
        Studio.generate(user, preset, null);
        Studio.generate(user, preset, null);
        String cursor = user.get(ApiPaths.LIBRARY_CHANGES + "?limit=1")
                .as(LibraryChanges.class)
                .cursor();
        Answer bogus = user.get(ApiPaths.LIBRARY_CHANGES + "?cursor=bogus");
        assertThat(bogus.status()).isEqualTo(400);
        String sentence = bogus.json().path("error").path("message").asText();
        List<String> fields = PageCursor.decode(cursor, 5);
        List<String> forgeries = new ArrayList<>();
        // the same position unsigned, as the feed answered before cursors were signed
        forgeries.add(PageCursor.encode(fields.subList(0, 4).toArray(String[]::new)));
        for (int i = 0; i < 5; i++) {
            String[] edited = fields.toArray(String[]::new);
            edited[i] = i == 0
                    ? UUID.randomUUID().toString()
                    : i == 4 ? "0".repeat(32) : Long.toString(Long.parseLong(edited[i]) + (i == 3 ? 60_000 : 1));
            forgeries.add(PageCursor.encode(edited));
        }
        String[] sinceNow = fields.toArray(String[]::new);
        sinceNow[3] = Long.toString(System.currentTimeMillis());
        forgeries.add(PageCursor.encode(sinceNow));
        for (String forged : forgeries) {
            Answer answer = user.get(ApiPaths.LIBRARY_CHANGES + "?cursor=" + encode(forged));
            assertThat(answer.status()).as(forged).isEqualTo(400);
            assertThat(answer.errorCode()).as(forged).isEqualTo("invalid_cursor");
            assertThat(answer.json().path("error").path("message").asText())
                    .as(forged)
                    .isEqualTo(sentence);
        }
        assertThat(user.get(ApiPaths.LIBRARY_CHANGES + "?cursor=" + encode(cursor))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anEditReachesTheUsersOtherStreamsAsALibraryEvent() throws Exception {
        ApiClient user = studio.userWithCredits(10);
        String id = Studio.generate(user, preset, null);
        Studio.awaitFinal(user, id, Duration.ofSeconds(30));
        try (EventsStream stream = EventsStream.open(user)) {
            assertThat(stream.response().code()).isEqualTo(200);
            assertThat(stream.readLine()).startsWith(":");
            patch(user, ApiClient.path(ApiPaths.GENERATION, id), "{\"favorite\":true}");
            String data = stream.awaitData(ApiPaths.LIBRARY_EVENT, Duration.ofSeconds(20));
            assertThat(data).isNotNull().contains("\"cursor\":\"1.");
        }
    }

    /** Two sessions of one account edit at once and each follows the feed: both end with the same library. */
    @Test
    void twoDevicesOfOneAccountConvergeThroughTheFeed() {
        ApiClient phone = studio.userWithCredits(10);
        ApiClient laptop =
                phone.login(phone.get(ApiPaths.ME).json().path("email").asText(), "correct-Horse-7");
        String a = Studio.generate(phone, preset, null);
        String b = Studio.generate(laptop, preset, null);
        Studio.awaitFinal(phone, a, Duration.ofSeconds(30));
        Studio.awaitFinal(phone, b, Duration.ofSeconds(30));
        Device first = new Device(phone);
        Device second = new Device(laptop);
        first.pull();
        second.pull();

        patch(phone, ApiClient.path(ApiPaths.GENERATION, a), "{\"favorite\":true,\"addTags\":[\"phone\"]}");
        patch(laptop, ApiClient.path(ApiPaths.GENERATION, a), "{\"addTags\":[\"laptop\"]}");
        UUID album = laptop.postRaw(ApiPaths.COLLECTIONS, "{\"name\":\"Shared\"}")
                .as(CollectionView.class)
                .id();
        laptop.postRaw(ApiClient.path(ApiPaths.COLLECTION_ITEMS, album), "{\"add\":[\"" + a + "\",\"" + b + "\"]}");
        phone.delete(ApiClient.path(ApiPaths.GENERATION, b));
        first.pull();
        second.pull();

        assertThat(first.items).isEqualTo(second.items);
        assertThat(first.collections).isEqualTo(second.collections);
        GenerationView merged = first.items.get(UUID.fromString(a));
        assertThat(merged.favorite()).isTrue();
        assertThat(merged.tags()).containsExactly("laptop", "phone");
        assertThat(merged.collectionIds()).containsExactly(album);
        assertThat(first.items).doesNotContainKey(UUID.fromString(b));
        assertThat(first.collections.get(album).itemCount()).isEqualTo(1);
    }

    /** A device's copy of the library over HTTP. */
    private static final class Device {
        final ApiClient client;
        final Map<UUID, GenerationView> items = new HashMap<>();
        final Map<UUID, CollectionView> collections = new HashMap<>();
        String cursor;

        Device(ApiClient client) {
            this.client = client;
        }

        void pull() {
            LibraryChanges page;
            do {
                page = client.get(ApiPaths.LIBRARY_CHANGES + "?limit=2"
                                + (cursor == null ? "" : "&cursor=" + encode(cursor)))
                        .as(LibraryChanges.class);
                page.changes()
                        .forEach(v -> items.merge(v.id(), v, (old, now) -> now.version() >= old.version() ? now : old));
                page.deleted().forEach(d -> items.remove(d.id()));
                page.collections().forEach(c -> collections.put(c.id(), c));
                page.deletedCollections().forEach(collections::remove);
                cursor = page.cursor();
            } while (page.hasMore());
        }
    }

    private static Answer patch(ApiClient client, String path, String body) {
        return client.method("PATCH", path, body);
    }

    private static String key(ApiClient user, String scope) {
        return user.post(ApiPaths.API_KEYS, Map.of("name", "library-" + scope, "scopes", List.of(scope)))
                .as(CreatedApiKey.class)
                .key();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
