package com.pixfino.server.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.providers.ResilienceSettings;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.ScriptedProvider;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestDatabases;
import com.pixfino.server.testsupport.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Five failing jobs open the provider's breaker; the next create is refused up front, charging nothing; after the wait it works again. */
class BreakerAcrossJobsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void breakerOpensAfterFiveFailedJobsAndHalfOpensAfterTheWait() {
        ScriptedProvider replicate = new ScriptedProvider("replicate");
        ServerConfig base = TestServer.config(TestDatabases.TestDirs.fresh("breaker"), Optional.of(TestDatabases.freshDatabase()));
        ServerConfig config = new ServerConfig(base.port(), base.dataDir(), base.database(), base.admin(), base.monthlyCredits(),
                base.tokenLifetime(), base.maxUploadBytes(), base.maxUploadPixels(), base.jobs(),
                new ResilienceSettings(5, Duration.ofSeconds(2), 1, Duration.ofMillis(1), Duration.ofSeconds(10)));
        try (TestServer server = TestServer.start(config, List.of(replicate))) {
            Studio studio = new Studio(server);
            ApiClient user = studio.userWithCredits(4);
            String upload = Studio.upload(user);
            long preset = studio.presetId("linkedin-headshot");

            for (int i = 0; i < 5; i++) {
                String id = Studio.create(user, preset, upload, "refuse", null).json().get("id").asText();
                assertThat(Studio.awaitFinal(user, id, WAIT).path("error").path("code").asText()).isEqualTo("http_422");
            }
            int submitsBefore = replicate.submits();
            Answer refused = Studio.create(user, preset, upload, "would work", null);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.errorCode()).isEqualTo("providers_paused");
            assertThat(refused.header("Retry-After")).isNotNull();
            assertThat(replicate.submits()).isEqualTo(submitsBefore);
            assertThat(Studio.credits(user)).isEqualTo(4);

            String after = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Studio.create(user, preset, upload, "works now", null), answer -> answer.status() != 503)
                    .json().get("id").asText();
            assertThat(Studio.awaitFinal(user, after, WAIT).get("status").asText()).isEqualTo("COMPLETED");
            assertThat(Studio.credits(user)).isZero();
        }
    }
}
