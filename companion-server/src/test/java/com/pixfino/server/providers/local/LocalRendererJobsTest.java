package com.pixfino.server.providers.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.MediaKind;
import com.pixfino.model.api.GenerationView;
import com.pixfino.server.providers.ProviderContractTest;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.Mp4Probe;
import com.pixfino.server.testsupport.ProviderServers;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The provider contract for the local renderer, on the default server with no AI keys: presets fall back
 * to it and it renders real files. It reads no prompt, so the contract's prompt words pick presets here.
 */
class LocalRendererJobsTest extends ProviderContractTest {

    private static final String PHOTO = "snow-princess";
    private static final String VIDEO = "snow-princess-cinematic";
    // the smallest clip in the catalog (4 s, square) still keeps the renderer busy for seconds
    private static final String SHORT_VIDEO = "product-spin-ad";
    // a preset this class breaks
    private static final String BROKEN = "film-noir";

    @Override
    protected Profile profile() {
        // the renderer records the model the preset names; its only failure is a look it cannot read
        return new Profile(
                PHOTO,
                new Completion("local", "black-forest-labs/flux-kontext-pro", "0", "image/jpeg"),
                List.of(new Failure("broken-look", "invalid_recipe")),
                "video",
                new Failure("over-time", "provider_timeout"),
                Optional.empty());
    }

    @Override
    protected TestServer startServer() {
        TestServer started = TestServer.start();
        started.app()
                .database()
                .dsl()
                .execute("update presets set recipe = ? where slug = ?", "{\"aspect\": \"5:4\"}", BROKEN);
        return started;
    }

    @Override
    protected TestServer startTimeLimitedServer() {
        // no render fits in one millisecond
        return TestServer.start(TestServer.freshConfig("local-limit")
                .withJobs(TestServer.FAST_JOBS, ProviderServers.patientBreaker(Duration.ofMillis(1))));
    }

    @Override
    protected String presetSlugFor(String prompt) {
        if (prompt.startsWith("video")) {
            return SHORT_VIDEO;
        }
        return prompt.startsWith("broken-look") ? BROKEN : PHOTO;
    }

    @Override
    protected void awaitBusyAtProvider(String prompt, Job job) {
        Studio.awaitStatus(job.user(), job.id(), GenerationStatus.RUNNING, WAIT);
    }

    @Override
    protected void assertCompletedAtProvider(Completed job) {
        assertThat(job.view().width()).isEqualTo(819);
        assertThat(job.view().height()).isEqualTo(1024);
        assertThat(image(job.output().bytes()).getWidth()).isEqualTo(819);
        assertThat(image(job.thumbnail().bytes()).getHeight()).isEqualTo(400);
    }

    @Test
    void aVideoPresetCompletesWithAPlayableMp4() throws Exception {
        ApiClient user = studio.userWithCredits(20);
        String id = Studio.generate(user, studio.presetId(VIDEO), null);

        GenerationView done = Studio.awaitFinal(user, id, WAIT);
        assertThat(done.status()).isEqualTo(GenerationStatus.COMPLETED);
        assertThat(done.kind()).isEqualTo(MediaKind.VIDEO);
        assertThat(done.outputContentType()).isEqualTo("video/mp4");
        Answer mp4 = user.get(done.outputUrl());
        assertThat(mp4.contentType()).isEqualTo("video/mp4");
        Mp4Probe probe = Mp4Probe.of(mp4.bytes());
        assertThat(probe.width()).isEqualTo(720);
        assertThat(probe.height()).isEqualTo(1280);
        assertThat(probe.frames()).isEqualTo(4 * 12);
        assertThat(done.width()).isEqualTo(720);
        assertThat(user.get(done.thumbnailUrl()).status()).isEqualTo(200);
        assertThat(Studio.credits(user)).isZero();
    }

    private static BufferedImage image(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
