package com.pixfino.server.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.GenerationView;
import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.providers.ResilienceSettings;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.ScriptedProvider;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Five failing jobs open the provider's breaker; the next create is refused up front, charging nothing; after the wait it works again. */
class BreakerAcrossJobsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration OPEN = Duration.ofSeconds(2);

    @Test
    void breakerOpensAfterFiveFailedJobsAndHalfOpensAfterTheWait() {
        ScriptedProvider replicate = new ScriptedProvider("replicate");
        ServerConfig base = TestServer.freshConfig("breaker");
        ServerConfig config = base.withJobs(
                base.jobs(), new ResilienceSettings(5, OPEN, 1, Duration.ofMillis(1), Duration.ofSeconds(10)));
        try (TestServer server = TestServer.start(config, List.of(replicate))) {
            Studio studio = new Studio(server);
            ApiClient user = studio.userWithCredits(4);
            String upload = Studio.upload(user);
            long preset = studio.presetId("linkedin-headshot");

            for (int i = 0; i < 5; i++) {
                assertThat(Studio.awaitFinal(user, create(user, preset, upload, "refuse"), WAIT)
                                .error()
                                .code())
                        .isEqualTo("http_422");
            }
            int submitsBefore = replicate.submits();
            Answer refused = Studio.create(user, preset, upload, "would work", null);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.errorCode()).isEqualTo("providers_paused");
            assertThat(refused.header("Retry-After")).isNotNull();
            assertThat(replicate.submits()).isEqualTo(submitsBefore);
            assertThat(Studio.credits(user)).isEqualTo(4);

            String after = await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> Studio.create(user, preset, upload, "works now", null),
                            answer -> answer.status() != 503)
                    .json()
                    .get("id")
                    .asText();
            assertThat(Studio.awaitFinal(user, after, WAIT).status()).isEqualTo(GenerationStatus.COMPLETED);
            assertThat(Studio.credits(user)).isZero();
        }
    }

    /** A job that goes through, or fails fast and refunded while the breaker is still open. */
    private static GenerationView jobWhileTheBreakerMayBeOpen(ApiClient user, long preset, String upload) {
        GenerationView job = Studio.awaitFinal(user, create(user, preset, upload, "works now"), WAIT);
        if (job.status() != GenerationStatus.COMPLETED) {
            assertThat(job.error().code()).isEqualTo("provider_unavailable");
            assertThat(Studio.credits(user)).isEqualTo(4);
        }
        return job;
    }

    private static String create(ApiClient user, long preset, String upload, String prompt) {
        return Studio.create(user, preset, upload, prompt, null)
                .json()
                .get("id")
                .asText();
    }
}
