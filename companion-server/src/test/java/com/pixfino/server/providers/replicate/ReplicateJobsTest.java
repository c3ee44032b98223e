package com.pixfino.server.providers.replicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.server.providers.RemoteProviderContractTest;
import com.pixfino.server.testsupport.ProviderServers;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.server.testsupport.fakes.FakeReplicate;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The provider contract for Replicate: the real client against the fake, jobs timing out after 4 s. */
class ReplicateJobsTest extends RemoteProviderContractTest {

    @AutoClose
    private final FakeReplicate fake = new FakeReplicate();

    @Override
    protected Profile profile() {
        return queued(
                "linkedin-headshot",
                new Completion("replicate", "black-forest-labs/flux-kontext-pro", "0.04", "image/jpeg"),
                "moderation",
                new Remote(fake, FakeReplicate.TOKEN, "/predictions"));
    }

    @Override
    protected TestServer startServer() {
        return ProviderServers.start(
                ProviderServers.only(ProviderServers.replicate(fake, false)), Duration.ofSeconds(4));
    }

    @Override
    protected void awaitBusyAtProvider(String prompt, Job job) {
        // polled once: the prediction id is on record, so the cancel can reach Replicate
        await().atMost(WAIT)
                .until(() -> fake.hasPredictionFor(prompt) && fake.polls(fake.onlyPredictionFor(prompt)) > 0);
    }

    @Override
    protected void assertCompletedAtProvider(Completed job) {
        assertThat(fake.polls(fake.onlyPredictionFor(job.prompt())))
                .as("starting, processing, succeeded")
                .isGreaterThanOrEqualTo(3);
        assertThat(job.output().bytes())
                .as("downloaded into our storage, not hot-linked")
                .isEqualTo(fake.output());
    }

    @Override
    protected void awaitToldToStop(String prompt) {
        String prediction = fake.onlyPredictionFor(prompt);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(fake.calls("POST", "/v1/predictions/" + prediction + "/cancel"))
                        .hasSize(1));
    }

    @Test
    void fluxGetsTheFormatAndSeedInItsInput() {
        var input = sentToProvider(fake, "/predictions", "linkedin-headshot", "format-9x16-replicate", "9:16", 4242)
                .path("input");
        assertThat(input.path("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(input.path("seed").isIntegralNumber()).isTrue();
        assertThat(input.path("seed").asLong()).isEqualTo(4242);
    }
}
