package com.pixfino.studio.core.presets;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.testsupport.CannedServerTest;
import com.pixfino.studio.core.testsupport.HealthResponses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preset pictures kept on disk by id and ETag: asked again with If-None-Match, kept offline, forgotten on a 404. */
class PresetPreviewCacheTest extends CannedServerTest {

    private static final String TAG_A = "\"" + "a".repeat(64) + "\"";
    private static final String TAG_B = "\"" + "b".repeat(64) + "\"";
    private static final byte[] PICTURE_A = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
    private static final byte[] PICTURE_B = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 4, 5, 6, 7};

    @TempDir
    Path dir;

    private PresetPreviewCache cache() {
        return new PresetPreviewCache(dir, UiThreadGuard.NONE);
    }

    private String serverName() {
        return server.url("/").toString();
    }

    @Test
    void theFirstAskSavesThePictureUnderItsIdAndETagThenA304KeepsIt() throws Exception {
        server.enqueue(picture(PICTURE_A, TAG_A));
        server.enqueue(
                new MockResponse.Builder().code(304).addHeader("ETag", TAG_A).build());

        Optional<Path> first = cache().fresh(api(), serverName(), 7);
        assertThat(first).isPresent();
        assertThat(first.get().getFileName().toString()).isEqualTo("7-" + "a".repeat(64) + ".jpg");
        assertThat(Files.readAllBytes(first.get())).isEqualTo(PICTURE_A);
        RecordedRequest asked = server.takeRequest();
        assertThat(asked.getUrl().encodedPath()).isEqualTo("/api/v1/presets/7/thumbnail");
        assertThat(asked.getHeaders().get("If-None-Match")).isNull();

        Optional<Path> again = cache().fresh(api(), serverName(), 7);
        assertThat(again).contains(first.get());
        assertThat(server.takeRequest().getHeaders().get("If-None-Match")).isEqualTo(TAG_A);
        assertThat(Files.readAllBytes(again.get())).isEqualTo(PICTURE_A);
    }

    @Test
    void aChangedPictureReplacesTheKeptOne() throws Exception {
        server.enqueue(picture(PICTURE_A, TAG_A));
        server.enqueue(picture(PICTURE_B, TAG_B));
        Path old = cache().fresh(api(), serverName(), 3).orElseThrow();

        Path now = cache().fresh(api(), serverName(), 3).orElseThrow();
        assertThat(now.getFileName().toString()).isEqualTo("3-" + "b".repeat(64) + ".jpg");
        assertThat(Files.readAllBytes(now)).isEqualTo(PICTURE_B);
        assertThat(old).doesNotExist();
        assertThat(cache().kept(serverName(), 3)).contains(now);
    }

    @Test
    void anUnreachableServerLeavesTheKeptPictureAndNoneWithoutOne() throws Exception {
        server.enqueue(picture(PICTURE_A, TAG_A));
        Path kept = cache().fresh(api(), serverName(), 5).orElseThrow();
        String name = serverName();
        server.close();

        assertThat(cache().fresh(api(), name, 5)).contains(kept);
        assertThat(cache().fresh(api(), name, 6)).isEmpty();
        assertThat(cache().kept(name, 5)).contains(kept);
        assertThat(cache().kept("http://another-server:7070/", 5))
                .as("kept per server")
                .isEmpty();
    }

    @Test
    void aPresetWithoutAPictureAnyMoreIsForgotten() throws Exception {
        server.enqueue(picture(PICTURE_A, TAG_A));
        server.enqueue(HealthResponses.json(
                404, "{\"error\":{\"code\":\"not_found\",\"message\":\"Preset 9 was not found.\"}}"));
        Path kept = cache().fresh(api(), serverName(), 9).orElseThrow();

        assertThat(cache().fresh(api(), serverName(), 9)).isEmpty();
        assertThat(kept).doesNotExist();
        try (var left = Files.walk(dir)) {
            assertThat(left.filter(Files::isRegularFile))
                    .as("no partial file either")
                    .isEmpty();
        }
    }

    @Test
    void aServerErrorKeepsTheKeptPicture() throws Exception {
        server.enqueue(picture(PICTURE_A, TAG_A));
        server.enqueue(
                HealthResponses.json(503, "{\"error\":{\"code\":\"unavailable\",\"message\":\"Down for a moment.\"}}"));
        Path kept = cache().fresh(api(), serverName(), 4).orElseThrow();

        assertThat(cache().fresh(api(), serverName(), 4)).contains(kept);
        assertThat(Files.readAllBytes(kept)).isEqualTo(PICTURE_A);
    }

    private static MockResponse picture(byte[] bytes, String etag) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "image/jpeg")
                .addHeader("ETag", etag)
                .body(new Buffer().write(bytes))
                .build();
    }
}
