package com.pixfino.server.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.library.DeletedGeneration;
import com.pixfino.model.api.library.LibraryChanges;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ServerExtension;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A server whose tombstone window is two seconds: stale cursors get resetRequired and the purge task runs. */
class LibraryResetApiTest {

    private static final Duration WINDOW = Duration.ofSeconds(2);

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension(
            () -> TestServer.start(TestServer.freshConfig("reset").withTombstoneWindow(WINDOW)));

    @Test
    void aCursorOlderThanTheWindowAsksForAResetAndTheTombstoneIsPurged() {
        Studio studio = new Studio(SERVER.server());
        ApiClient user = studio.userWithCredits(10);
        String id = Studio.generate(user, studio.presetId("linkedin-headshot"), null);
        assertThat(user.delete(ApiClient.path(ApiPaths.GENERATION, id)).status())
                .isEqualTo(204);
        UUID collection = UUID.randomUUID();
        String create = "{\"id\":\"" + collection + "\",\"name\":\"Trip\"}";
        assertThat(user.postRaw(ApiPaths.COLLECTIONS, create).status()).isEqualTo(201);
        assertThat(user.delete(ApiClient.path(ApiPaths.COLLECTION, collection)).status())
                .isEqualTo(204);
        LibraryChanges first = changes(user, null);
        assertThat(first.deleted()).extracting(DeletedGeneration::id).containsExactly(UUID.fromString(id));
        String cursor = first.cursor();

        LibraryChanges stale = await().atMost(Duration.ofSeconds(10))
                .until(() -> changes(user, cursor), LibraryChanges::resetRequired);
        assertThat(stale.cursor()).isNull();
        assertThat(stale.changes()).isEmpty();
        assertThat(stale.deleted()).isEmpty();
        // the recurring purge removes the tombstone: a sync from scratch no longer lists it
        await().atMost(Duration.ofSeconds(10))
                .until(() -> changes(user, null).deleted().isEmpty());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> changes(user, null).deletedCollections().isEmpty());
        // with the tombstones gone: deleting the generation again is a 404, and the collection's id is simply new
        assertThat(user.delete(ApiClient.path(ApiPaths.GENERATION, id)).status())
                .isEqualTo(404);
        assertThat(user.postRaw(ApiPaths.COLLECTIONS, create).status()).isEqualTo(201);
    }

    private static LibraryChanges changes(ApiClient user, String cursor) {
        String query = cursor == null ? "" : "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
        ApiClient.Answer answer = user.get(ApiPaths.LIBRARY_CHANGES + query);
        assertThat(answer.status()).isEqualTo(200);
        return answer.as(LibraryChanges.class);
    }
}
