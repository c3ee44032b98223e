package com.pixfino.server.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.library.LibraryChanges;
import com.pixfino.model.api.library.LibraryPatch;
import com.pixfino.server.generation.EventStream;
import com.pixfino.server.testsupport.TestServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code library} event goes out once the change feed serves the change, never before. */
class LibraryEventsTest {

    private static TestServices graph;
    private static long preset;

    @BeforeAll
    static void start() {
        graph = TestServices.fresh(queue -> TestServices.idleQueue());
        graph.services().events().start();
        preset = graph.presetId("linkedin-headshot");
    }

    @AfterAll
    static void stop() {
        graph.close();
    }

    @Test
    void anEventWaitsForOlderOpenTransactionsSoThePullItTriggersFindsTheChange() throws Exception {
        UUID user = graph.userWithCredits(10);
        UUID id = create(user);
        UUID someoneElses = create(graph.userWithCredits(10));
        String cursor = graph.services().libraryFeed().changes(user, null, 500).cursor();
        Stream stream = new Stream();
        graph.services().events().connect(stream, user);

        try (Connection older = graph.database().dataSource().getConnection()) {
            older.setAutoCommit(false);
            try (PreparedStatement write =
                    older.prepareStatement("update generations set favorite = true where id = ?")) {
                write.setObject(1, someoneElses);
                write.executeUpdate();
            }
            graph.services().libraryEdits().patch(user, id, new LibraryPatch(true, null, null));
            // committed, but held back by the older open transaction: a pull now would not find it, so no event yet
            assertThat(graph.services().libraryFeed().changes(user, cursor, 500).changes())
                    .isEmpty();
            await().during(Duration.ofMillis(600))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> stream.library().isEmpty());
            older.commit();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !stream.library().isEmpty());
        assertThat(stream.library().get(0)).startsWith("{\"cursor\":\"1.");
        LibraryChanges pulled = graph.services().libraryFeed().changes(user, cursor, 500);
        assertThat(pulled.changes()).extracting(GenerationView::id).containsExactly(id);
        assertThat(pulled.changes().get(0).favorite()).isTrue();
    }

    private static UUID create(UUID user) {
        return graph.services()
                .generations()
                .create(user, new CreateGenerationRequest(preset, graph.upload(user), null), null)
                .id();
    }

    /** An open stream that keeps what it was sent. */
    private static final class Stream implements EventStream {
        private final List<String[]> events = new CopyOnWriteArrayList<>();

        List<String> library() {
            return events.stream()
                    .filter(e -> e[0].equals(ApiPaths.LIBRARY_EVENT))
                    .map(e -> e[1])
                    .toList();
        }

        @Override
        public void sendEvent(String event, String data, String id) {
            events.add(new String[] {event, data});
        }

        @Override
        public void sendComment(String comment) {}

        @Override
        public boolean isClosed() {
            return false;
        }

        @Override
        public void onClose(Runnable action) {}

        @Override
        public void close() {}

        @Override
        public void closeWithRetry(java.time.Duration retry) {}
    }
}
