package com.pixfino.server.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.providers.ResilienceSettings;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ScriptedProvider;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestDatabases;
import com.pixfino.server.testsupport.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Five failing jobs open the provider's breaker; the next job fails fast and is refunded; after the wait it works again. */
class BreakerAcrossJobsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void breakerOpensAfterFiveFailedJobsAndHalfOpensAfterTheWait() throws Exception {
        ScriptedProvider replicate = new ScriptedProvider("replicate");
        ServerConfig base = TestServer.config(TestDatabases.TestDirs.fresh("breaker"), Optional.of(TestDatabases.freshDatabase()));
        ServerConfig config = new ServerConfig(base.port(), base.dataDir(), base.database(), base.admin(), base.monthlyCredits(),
                base.tokenLifetime(), base.maxUploadBytes(), base.maxUploadPixels(), base.jobs(),
                new ResilienceSettings(5, Duration.ofSeconds(2), 1, Duration.ofMillis(1), Duration.ofSeconds(10))).withLimits(base.limits());
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
            String blocked = Studio.create(user, preset, upload, "would work", null).json().get("id").asText();
            var failed = Studio.awaitFinal(user, blocked, WAIT);
            assertThat(failed.get("status").asText()).isEqualTo("FAILED");
            assertThat(failed.path("error").path("code").asText()).isEqualTo("provider_unavailable");
            assertThat(failed.get("refunded").asBoolean()).isTrue();
            assertThat(replicate.submits()).isEqualTo(submitsBefore);
            assertThat(Studio.credits(user)).isEqualTo(4);

            Thread.sleep(2_500);
            String after = Studio.create(user, preset, upload, "works now", null).json().get("id").asText();
            assertThat(Studio.awaitFinal(user, after, WAIT).get("status").asText()).isEqualTo("COMPLETED");
            assertThat(Studio.credits(user)).isZero();
        }
    }
}
