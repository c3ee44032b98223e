package com.pixfino.server.providers.openrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.server.providers.RemoteProviderContractTest;
import com.pixfino.server.testsupport.ProviderServers;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.server.testsupport.fakes.FakeOpenRouter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The provider contract for OpenRouter with only OpenRouter configured: the photo presets name Replicate,
 * so they route to OpenRouter's own image model. Its one call answers synchronously, so a job outlives
 * its time limit when that call does.
 */
class OpenRouterJobsTest extends RemoteProviderContractTest {

    @AutoClose
    private final FakeOpenRouter fake = new FakeOpenRouter();

    @Override
    protected Profile profile() {
        return new Profile(
                "linkedin-headshot",
                new Completion("openrouter", "google/gemini-2.5-flash-image", "0.0387", "image/png"),
                List.of(
                        new Failure("error200", "http_502"),
                        new Failure("moderation", "moderation"),
                        new Failure("nocredits", "http_402"),
                        new Failure("error5xx", "http_503"),
                        new Failure("malformed", "malformed_response"),
                        new Failure("textonly", "no_image")),
                "slow",
                new Failure("slow", "provider_timeout"),
                Optional.of(new Remote(fake, FakeOpenRouter.KEY, "/chat/completions")));
    }

    @Override
    protected TestServer startServer() {
        return ProviderServers.start(ProviderServers.only(ProviderServers.openRouter(fake)), Duration.ofSeconds(20));
    }

    @Override
    protected TestServer startTimeLimitedServer() {
        // the fake's "slow" answer takes 3 s, three times this server's limit for one call
        return ProviderServers.start(
                ProviderServers.only(ProviderServers.openRouter(fake)),
                ProviderServers.jobs(Duration.ofMillis(200), Duration.ofSeconds(30)),
                ProviderServers.patientBreaker(Duration.ofSeconds(1)),
                Optional.empty());
    }

    @Override
    protected void awaitBusyAtProvider(String prompt, Job job) {
        await().atMost(WAIT)
                .until(() -> fake.calls("POST", "/chat/completions").stream()
                        .anyMatch(c -> c.body().contains(prompt)));
    }

    @Override
    protected void assertCompletedAtProvider(Completed job) {
        assertThat(job.output().bytes()).isEqualTo(fake.png());
    }

    @Test
    void theImageModelGetsTheFormatInImageConfigAndTheSeed() {
        var body = sentToProvider(fake, "/chat/completions", "linkedin-headshot", "format-3x2-openrouter", "3:2", 0);
        assertThat(body.path("image_config").path("aspect_ratio").asText()).isEqualTo("3:2");
        assertThat(body.path("seed").isIntegralNumber()).isTrue();
        assertThat(body.path("seed").asLong()).isZero();
    }
}
