package com.pixfino.server.providers.replicate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.Await;
import com.pixfino.server.testsupport.ProviderServers;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.server.testsupport.fakes.FakeReplicate;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Generations on the real server whose Replicate client talks to the fake: every outcome, and every failure refunded. */
class ReplicateJobsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static FakeReplicate fake;
    private static TestServer server;
    private static Studio studio;
    private static long preset;

    @BeforeAll
    static void start() {
        fake = new FakeReplicate();
        server = ProviderServers.start(ProviderServers.only(ProviderServers.replicate(fake, false)), Duration.ofSeconds(4));
        studio = new Studio(server);
        preset = studio.presetId("linkedin-headshot");
    }

    @AfterAll
    static void stop() {
        server.close();
        fake.close();
    }

    @Test
    void aPredictionThatGoesThroughStartingAndProcessingCompletesWithItsFileAndCost() {
        ApiClient user = studio.userWithCredits(4);
        String word = "smiling-" + UUID.randomUUID();
        JsonNode done = Studio.awaitFinal(user, create(user, word), WAIT);

        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("provider").asText()).isEqualTo("replicate");
        assertThat(done.get("model").asText()).isEqualTo("black-forest-labs/flux-kontext-pro");
        assertThat(done.get("apiCostUsd").decimalValue()).isEqualByComparingTo("0.04");
        assertThat(fake.polls(fake.onlyPredictionFor(word))).isGreaterThanOrEqualTo(3);
        ApiClient.Answer output = user.get(done.get("outputUrl").asText());
        assertThat(output.contentType()).isEqualTo("image/jpeg");
        assertThat(output.bytes()).as("downloaded into our storage, not hot-linked").isEqualTo(fake.output());
        assertThat(user.get(done.get("thumbnailUrl").asText()).status()).isEqualTo(200);
        assertThat(Studio.credits(user)).isZero();
    }

    @ParameterizedTest(name = "{0} → FAILED {1}")
    @CsvSource({
        "fail,provider_failed",
        "refuse,http_422",
        "submit5xx,http_503",
        "poll5xx,http_500",
        "malformed,malformed_response"
    })
    void everyFailureEndsFailedAndRefunded(String scenario, String code) {
        ApiClient user = studio.userWithCredits(4);
        String id = create(user, scenario + "-" + UUID.randomUUID());
        JsonNode done = Studio.awaitFinal(user, id, WAIT);

        ProviderServers.assertFailedAndRefunded(user, id, done, code, 4);
        assertThat(done.path("error").path("message").asText()).doesNotContain(FakeReplicate.TOKEN);
    }

    @Test
    void aTimedOutPredictionFailsRefundedAndIsCanceledAtReplicate() {
        ApiClient user = studio.userWithCredits(4);
        String word = "forever-" + UUID.randomUUID();
        String id = create(user, word);
        JsonNode done = Studio.awaitFinal(user, id, WAIT);

        ProviderServers.assertFailedAndRefunded(user, id, done, "timeout", 4);

        String prediction = fake.onlyPredictionFor(word);
        Await.until(WAIT, () -> fake.calls("POST", "/v1/predictions/" + prediction + "/cancel").size(), n -> n == 1);
    }

    @Test
    void aRateLimitedCreateIsRetriedAfterRetryAfterAndCompletes() {
        ApiClient user = studio.userWithCredits(4);
        String word = "ratelimit-" + UUID.randomUUID();
        JsonNode done = Studio.awaitFinal(user, create(user, word), WAIT);

        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(fake.calls("POST", "/predictions").stream().filter(c -> c.body().contains(word))).hasSize(2);
        assertThat(Studio.credits(user)).isZero();
    }

    @Test
    void cancelRefundsAndStopsThePredictionAtReplicate() {
        ApiClient user = studio.userWithCredits(4);
        String word = "hold-" + UUID.randomUUID();
        String id = create(user, word);
        // polled once: the prediction id is on record, so the cancel can reach Replicate
        Await.until(WAIT, () -> fake.hasPredictionFor(word) && fake.polls(fake.onlyPredictionFor(word)) > 0, polled -> polled);

        ApiClient.Answer canceled = user.post("/api/v1/generations/" + id + "/cancel", Map.of());

        assertThat(canceled.json().get("status").asText()).isEqualTo("CANCELED");
        assertThat(canceled.json().get("refunded").asBoolean()).isTrue();
        assertThat(Studio.credits(user)).isEqualTo(4);
        String own = fake.onlyPredictionFor(word);
        Await.until(WAIT, () -> fake.calls("POST", "/v1/predictions/" + own + "/cancel").size(), n -> n == 1);
    }

    private static String create(ApiClient user, String prompt) {
        return Studio.create(user, preset, Studio.upload(user), prompt, null).json().get("id").asText();
    }
}
