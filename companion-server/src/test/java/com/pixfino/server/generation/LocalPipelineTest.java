package com.pixfino.server.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.Mp4Probe;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default server, no AI keys: presets fall back to the local renderer and produce real files. */
class LocalPipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static TestServer server;
    private static Studio studio;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        studio = new Studio(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPhotoPresetCompletesWithAGradedJpegAndAThumbnail() throws Exception {
        ApiClient user = studio.userWithCredits(5);
        String id = Studio.create(user, studio.presetId("snow-princess"), Studio.upload(user), null, null).json().get("id").asText();

        JsonNode done = Studio.awaitFinal(user, id, WAIT);
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("provider").asText()).isEqualTo("local");
        assertThat(done.get("width").asInt()).isEqualTo(819);
        assertThat(done.get("height").asInt()).isEqualTo(1024);
        BufferedImage output = ImageIO.read(new ByteArrayInputStream(user.get(done.get("outputUrl").asText()).bytes()));
        assertThat(output.getWidth()).isEqualTo(819);
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(user.get(done.get("thumbnailUrl").asText()).bytes()));
        assertThat(thumbnail.getHeight()).isEqualTo(400);
        assertThat(Studio.credits(user)).isEqualTo(1);
    }

    @Test
    void aVideoPresetCompletesWithAPlayableMp4() throws Exception {
        ApiClient user = studio.userWithCredits(20);
        String id = Studio.create(user, studio.presetId("snow-princess-cinematic"), Studio.upload(user), null, null).json().get("id").asText();

        JsonNode done = Studio.awaitFinal(user, id, WAIT);
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("kind").asText()).isEqualTo("VIDEO");
        assertThat(done.get("outputContentType").asText()).isEqualTo("video/mp4");
        var mp4 = user.get(done.get("outputUrl").asText());
        assertThat(mp4.contentType()).isEqualTo("video/mp4");
        Mp4Probe probe = Mp4Probe.of(mp4.bytes());
        assertThat(probe.width()).isEqualTo(720);
        assertThat(probe.height()).isEqualTo(1280);
        assertThat(probe.frames()).isEqualTo(4 * 12);
        assertThat(done.get("width").asInt()).isEqualTo(720);
        assertThat(user.get(done.get("thumbnailUrl").asText()).status()).isEqualTo(200);
        assertThat(Studio.credits(user)).isZero();
    }
}
