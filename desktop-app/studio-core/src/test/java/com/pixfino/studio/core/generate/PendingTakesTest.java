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
}
