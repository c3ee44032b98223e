package com.pixfino.server.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.Await;
import com.pixfino.server.testsupport.ScriptedProvider;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestDatabases;
import com.pixfino.server.testsupport.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A job the provider never finishes fails at its deadline, is refunded, and the provider is told to stop. */
class JobDeadlineTest {

    @Test
    void aJobStillRunningAtItsDeadlineFailsWithTimeoutAndRefund() {
        ScriptedProvider replicate = new ScriptedProvider("replicate");
        ServerConfig base = TestServer.config(TestDatabases.TestDirs.fresh("deadline"), Optional.of(TestDatabases.freshDatabase()));
        ServerConfig config = new ServerConfig(base.port(), base.dataDir(), base.database(), base.admin(), base.monthlyCredits(),
                base.tokenLifetime(), base.maxUploadBytes(), base.maxUploadPixels(),
                new JobSettings(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofSeconds(1), 2),
                base.resilience()).withLimits(base.limits());
        try (TestServer server = TestServer.start(config, List.of(replicate))) {
            Studio studio = new Studio(server);
            ApiClient user = studio.userWithCredits(4);
            String id = Studio.create(user, studio.presetId("linkedin-headshot"), Studio.upload(user), "runs forever", null)
                    .json().get("id").asText();

            JsonNode done = Studio.awaitFinal(user, id, Duration.ofSeconds(20));
            assertThat(done.get("status").asText()).isEqualTo("FAILED");
            assertThat(done.path("error").path("code").asText()).isEqualTo("timeout");
            assertThat(done.path("error").path("message").asText()).contains("did not finish");
            assertThat(done.get("refunded").asBoolean()).isTrue();
            assertThat(Studio.credits(user)).isEqualTo(4);
            assertThat(replicate.polls()).as("it polled until the deadline").isGreaterThan(3);
            Await.until(Duration.ofSeconds(5), () -> replicate.canceled().contains("job-" + id), Boolean::booleanValue);
        }
    }
}
