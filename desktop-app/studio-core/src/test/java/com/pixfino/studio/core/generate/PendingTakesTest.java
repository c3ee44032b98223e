package com.pixfino.studio.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.MediaKind;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.GenerationAccepted;
import com.pixfino.model.api.UploadView;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.photo.PhotoInfo;
import com.pixfino.studio.core.store.SqliteFiles;
import com.pixfino.studio.core.testsupport.PhotoFiles;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline outbox keeps the takes of one request with their settings and sends each exactly once. */
class PendingTakesTest {

    private static final String ANA = UUID.randomUUID().toString();
    private static final Instant NOON = Instant.parse("2026-11-28T12:00:00Z");

    @TempDir
    Path dir;

    private PendingGenerations open() throws Exception {
        return PendingGenerations.open(dir.resolve("pending.db"), dir.resolve("pending-photos"), UiThreadGuard.NONE);
    }

    private PhotoInfo photo() {
        Path file = PhotoFiles.jpeg(dir.resolve("Pictures"), "me.jpg", 400, 500);
        return new PhotoInfo(file, "image/jpeg", 1000, 400, 500);
    }

    @Test
    void aStoreFromBeforeTakesGainsTheNewColumnsAndKeepsItsRows() throws Exception {
        try (Connection db = SqliteFiles.open(dir.resolve("pending.db"));
                Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE pending_generations (id INTEGER PRIMARY KEY AUTOINCREMENT, owner TEXT NOT NULL,"
                    + " photo_file TEXT NOT NULL, content_type TEXT NOT NULL, preset_id INTEGER NOT NULL,"
                    + " preset_name TEXT NOT NULL, prompt TEXT, kind TEXT NOT NULL, credits INTEGER NOT NULL,"
                    + " idempotency_key TEXT NOT NULL UNIQUE, upload_id TEXT, first_sent_at INTEGER,"
                    + " created_at INTEGER NOT NULL, state TEXT NOT NULL, failure TEXT)");
            sql.execute("INSERT INTO pending_generations (owner, photo_file, content_type, preset_id, preset_name,"
                    + " kind, credits, idempotency_key, created_at, state) VALUES ('" + ANA
                    + "', 'old.jpg', 'image/jpeg', 7, 'Snow Princess', 'IMAGE', 4, 'old-key', 1, 'WAITING')");
        }

        try (PendingGenerations store = open()) {
            assertThat(store.list(ANA)).singleElement().satisfies(old -> {
                assertThat(old.idempotencyKey()).isEqualTo("old-key");
                assertThat(old.settings()).isEqualTo(TakeSettings.NONE);
            });
            store.addTakes(
                    ANA,
                    photo(),
                    7,
                    "Snow Princess",
                    null,
                    MediaKind.IMAGE,
                    4,
                    List.of("k"),
                    List.of(new TakeSettings("blur", "9:16", 5L, UUID.randomUUID(), null)),
                    NOON);
            assertThat(store.list(ANA)).hasSize(2);
        }
    }

    @Test
    void fourTakesWaitWithTheirSettingsShareOnePhotoAndAreEachSentOnceWithOneUpload() throws Exception {
        UUID group = UUID.randomUUID();
        UUID style = UUID.randomUUID();
        List<TakeSettings> takes = new ArrayList<>();
        for (long seed = 10; seed < 14; seed++) {
            takes.add(new TakeSettings(null, "9:16", seed, group, style));
        }
        List<CreateGenerationRequest> sent = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        int[] uploads = {0};
        CompanionApi api = (CompanionApi) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {CompanionApi.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "upload" -> {
                            uploads[0]++;
                            return new UploadView(UUID.randomUUID(), 400, 500, "image/jpeg", null);
                        }
                        case "createGeneration" -> {
                            sent.add((CreateGenerationRequest) args[0]);
                            keys.add((String) args[1]);
                            return new GenerationAccepted(UUID.randomUUID(), GenerationStatus.PENDING, 4);
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                });

        try (PendingGenerations store = open()) {
            List<PendingGeneration> kept = store.addTakes(
                    ANA,
                    photo(),
                    7,
                    "Snow Princess",
                    "glow",
                    MediaKind.IMAGE,
                    4,
                    List.of("k1", "k2", "k3", "k4"),
                    takes,
                    NOON);
            assertThat(kept)
                    .extracting(PendingGeneration::photo)
                    .containsOnly(kept.get(0).photo());
            try (var files = Files.list(dir.resolve("pending-photos").resolve(ANA))) {
                assertThat(files).hasSize(1);
            }
        }
        try (PendingGenerations store = open()) {
            PendingReplay replay = new PendingReplay(store, Messages.load(Locale.ROOT));
            assertThat(replay.replay(api, ANA).sent()).hasSize(4);
            assertThat(replay.replay(api, ANA).sent()).isEmpty();
            assertThat(store.list(ANA)).isEmpty();
        }

        assertThat(keys).containsExactly("k1", "k2", "k3", "k4");
        assertThat(uploads[0]).isEqualTo(1);
        assertThat(sent).extracting(CreateGenerationRequest::seed).containsExactly(10L, 11L, 12L, 13L);
        assertThat(sent).extracting(CreateGenerationRequest::groupId).containsOnly(group);
        assertThat(sent).extracting(CreateGenerationRequest::styleId).containsOnly(style);
        assertThat(sent).extracting(CreateGenerationRequest::aspectRatio).containsOnly("9:16");
        assertThat(sent).extracting(CreateGenerationRequest::prompt).containsOnly("glow");
        try (var files = Files.list(dir.resolve("pending-photos").resolve(ANA))) {
            assertThat(files).isEmpty(); // the shared copy goes with the last take
        }
    }

    /** A server that charges each new key once and answers a key it saw with the first answer. */
    private static final class KeyedServer {
        final List<CreateGenerationRequest> sent = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        final java.util.Map<String, UUID> charged = new java.util.LinkedHashMap<>();
        int uploads;
        int failAfter = Integer.MAX_VALUE; // creates answered before the network drops
        boolean expired;

        CompanionApi api() {
            return (CompanionApi) Proxy.newProxyInstance(
                    PendingTakesTest.class.getClassLoader(), new Class<?>[] {CompanionApi.class}, (p, method, args) -> {
                        switch (method.getName()) {
                            case "upload" -> {
                                uploads++;
                                return new UploadView(UUID.randomUUID(), 400, 500, "image/jpeg", null);
                            }
                            case "createGeneration" -> {
                                if (keys.size() >= failAfter) {
                                    throw new java.net.ConnectException("offline again");
                                }
                                sent.add((CreateGenerationRequest) args[0]);
                                keys.add((String) args[1]);
                                if (expired) {
                                    throw new com.pixfino.studio.core.net.CompanionApiException(
                                            404,
                                            "not_found",
                                            "Upload " + ((CreateGenerationRequest) args[0]).uploadId()
                                                    + " was not found.");
                                }
                                UUID id = charged.computeIfAbsent((String) args[1], k -> UUID.randomUUID());
                                return new GenerationAccepted(id, GenerationStatus.PENDING, 4);
                            }
                            default -> throw new UnsupportedOperationException(method.getName());
                        }
                    });
        }
    }

    private static List<TakeSettings> fourTakes(UUID group) {
        List<TakeSettings> takes = new ArrayList<>();
        for (long seed = 20; seed < 24; seed++) {
            takes.add(new TakeSettings(null, "4:5", seed, group, null));
        }
        return takes;
    }

    @Test
    void takesCutOffByTheNetworkAndARestartAreEachChargedOnce() throws Exception {
        UUID group = UUID.randomUUID();
        KeyedServer server = new KeyedServer();
        server.failAfter = 2;
        try (PendingGenerations store = open()) {
            store.addTakes(
                    ANA,
                    photo(),
                    7,
                    "Snow Princess",
                    null,
                    MediaKind.IMAGE,
                    4,
                    List.of("a", "b", "c", "d"),
                    fourTakes(group),
                    NOON);
            PendingReplay replay = new PendingReplay(store, Messages.load(Locale.ROOT));
            PendingReplay.Outcome first = replay.replay(server.api(), ANA);
            assertThat(first.sent()).hasSize(2);
            assertThat(first.stoppedBy()).isPresent();
            assertThat(store.list(ANA)).hasSize(2);
        }
        server.failAfter = Integer.MAX_VALUE;
        try (PendingGenerations store = open()) { // the studio started again
            PendingReplay replay = new PendingReplay(store, Messages.load(Locale.ROOT));
            assertThat(replay.replay(server.api(), ANA).sent()).hasSize(2);
            assertThat(replay.replay(server.api(), ANA).sent()).isEmpty();
        }

        assertThat(server.keys).containsExactly("a", "b", "c", "d");
        assertThat(server.charged).hasSize(4);
        assertThat(server.uploads).isEqualTo(1);
        assertThat(server.sent).extracting(CreateGenerationRequest::groupId).containsOnly(group);
        assertThat(server.sent).extracting(CreateGenerationRequest::seed).containsExactly(20L, 21L, 22L, 23L);
    }

    @Test
    void takesOfAPhotoTheServerHasWaitWithoutACopyAndAreSentByItsUploadId() throws Exception {
        UUID upload = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        KeyedServer server = new KeyedServer();
        try (PendingGenerations store = open()) {
            List<PendingGeneration> kept = store.addTakes(
                    ANA,
                    PhotoSource.uploaded(upload),
                    7,
                    "Snow Princess",
                    "again",
                    MediaKind.IMAGE,
                    4,
                    List.of("a", "b", "c", "d"),
                    fourTakes(group),
                    NOON);
            assertThat(kept).extracting(PendingGeneration::photo).containsOnlyNulls();
            assertThat(kept).extracting(PendingGeneration::uploadId).containsOnly(upload);
            assertThat(dir.resolve("pending-photos").resolve(ANA)).doesNotExist();
        }
        try (PendingGenerations store = open()) {
            assertThat(new PendingReplay(store, Messages.load(Locale.ROOT))
                            .replay(server.api(), ANA)
                            .sent())
                    .hasSize(4);
            assertThat(store.list(ANA)).isEmpty();
        }
        assertThat(server.uploads).isZero();
        assertThat(server.sent).extracting(CreateGenerationRequest::uploadId).containsOnly(upload);
        assertThat(server.sent).extracting(CreateGenerationRequest::prompt).containsOnly("again");
    }

    @Test
    void aPhotoTheServerLetGoIsRefusedWithASentenceAskingForThePhotoAgain() throws Exception {
        KeyedServer server = new KeyedServer();
        server.expired = true;
        try (PendingGenerations store = open()) {
            store.addTakes(
                    ANA,
                    PhotoSource.uploaded(UUID.randomUUID()),
                    7,
                    "Snow Princess",
                    null,
                    MediaKind.IMAGE,
                    4,
                    List.of("a"),
                    List.of(TakeSettings.NONE),
                    NOON);
            PendingReplay.Outcome outcome =
                    new PendingReplay(store, Messages.load(Locale.ROOT)).replay(server.api(), ANA);

            assertThat(outcome.refused())
                    .singleElement()
                    .satisfies(refused -> assertThat(refused.failure())
                            .containsIgnoringCase("choose the photo again")
                            .containsIgnoringCase("nothing was charged"));
            assertThat(store.remove(outcome.refused().get(0).id())).isTrue();
        }
    }
}
