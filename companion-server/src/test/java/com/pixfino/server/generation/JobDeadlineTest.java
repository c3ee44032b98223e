package com.pixfino.server.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.GenerationView;
import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ScriptedProvider;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A job the provider never finishes fails at its deadline, is refunded, and the provider is told to stop. */
class JobDeadlineTest {

    @Test
    void aJobStillRunningAtItsDeadlineFailsWithTimeoutAndRefund() {
        ScriptedProvider replicate = new ScriptedProvider("replicate");
        ServerConfig base = TestServer.freshConfig("deadline");
        ServerConfig config = base.withJobs(
                new JobSettings(
                        Duration.ofMillis(200),
                        Duration.ofSeconds(2),
                        Duration.ofMillis(100),
                        Duration.ofSeconds(1),
                        2),
                base.resilience());
        try (TestServer server = TestServer.start(config, List.of(replicate))) {
            Studio studio = new Studio(server);
            ApiClient user = studio.userWithCredits(4);
            String id = Studio.generate(user, studio.presetId("linkedin-headshot"), "runs forever");

            GenerationView done = Studio.awaitFinal(user, id, Duration.ofSeconds(20));
            assertThat(done.status()).isEqualTo(GenerationStatus.FAILED);
            assertThat(done.error().code()).isEqualTo("timeout");
            assertThat(done.error().message()).contains("did not finish");
            assertThat(done.refunded()).isTrue();
            assertThat(Studio.credits(user)).isEqualTo(4);
            assertThat(replicate.polls()).as("it polled until the deadline").isGreaterThan(3);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> replicate.canceled().contains("job-" + id));
        }
    }
}
