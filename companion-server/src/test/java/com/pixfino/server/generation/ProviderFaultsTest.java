package com.pixfino.server.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.GenerationView;
import com.pixfino.server.providers.ResilienceSettings;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ScriptedProvider;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each provider fault ends the job FAILED with a reason and its refund; transient faults are retried. */
class ProviderFaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static TestServer server;
    private static Studio studio;
    private static long preset;

    @BeforeAll
    static void start() {
        // "replicate" faults are scripted; its breaker must not open during these tests, so each case is one job
        server = TestServer.withProviders(List.of(new ScriptedProvider("replicate")));
        studio = new Studio(server);
        preset = studio.presetId("linkedin-headshot");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "refuse,http_422",
        "error5xx,http_503",
        "malformed,malformed_response",
        "garbage-output,malformed_output",
        "fail,nsfw_detected"
    })
    void faultEndsFailedAndRefunded(String fault, String code) {
        ApiClient user = studio.userWithCredits(4);
        GenerationView done = Studio.awaitFinal(user, Studio.generate(user, preset, fault), WAIT);

        Studio.assertFailedAndRefunded(user, done, code, 4);
    }

    @Test
    void aTransientPollErrorIsRetriedAndTheJobCompletes() {
        ApiClient user = studio.userWithCredits(4);
        GenerationView done = Studio.awaitFinal(user, Studio.generate(user, preset, "flaky"), WAIT);
        assertThat(done.status()).isEqualTo(GenerationStatus.COMPLETED);
        assertThat(Studio.credits(user)).isZero();
    }

    @Test
    void aCallThatHangsPastTheTimeLimitFailsAndRefunds() {
        ScriptedProvider hanging = new ScriptedProvider("replicate");
        var config = TestServer.freshConfig("hang");
        var quick = config.withJobs(
                config.jobs(),
                new ResilienceSettings(5, Duration.ofSeconds(60), 2, Duration.ofMillis(10), Duration.ofMillis(500)));
        try (TestServer slowServer = TestServer.start(quick, List.of(hanging))) {
            Studio slowStudio = new Studio(slowServer);
            ApiClient user = slowStudio.userWithCredits(4);
            GenerationView done = Studio.awaitFinal(
                    user, Studio.generate(user, slowStudio.presetId("linkedin-headshot"), "hang"), WAIT);
            assertThat(done.status()).isEqualTo(GenerationStatus.FAILED);
            assertThat(done.error().code()).isEqualTo("provider_timeout");
            assertThat(Studio.credits(user)).isEqualTo(4);
            assertThat(hanging.submits())
                    .as("a transient timeout is retried once more")
                    .isEqualTo(2);
        }
    }
}
