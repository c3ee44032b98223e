package com.pixfino.server.providers.openrouter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.Await;
import com.pixfino.server.testsupport.ProviderServers;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.server.testsupport.fakes.FakeOpenRouter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Photo generations on the real server with only OpenRouter configured: the photo presets name Replicate,
 * so they route to OpenRouter's own image model. Every failure ends FAILED and refunded.
 */
class OpenRouterJobsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static FakeOpenRouter fake;
    private static TestServer server;
    private static Studio studio;
    private static long preset;

    @BeforeAll
    static void start() {
        fake = new FakeOpenRouter();
        server = ProviderServers.start(ProviderServers.only(ProviderServers.openRouter(fake)), Duration.ofSeconds(20));
        studio = new Studio(server);
        preset = studio.presetId("linkedin-headshot");
    }

    @AfterAll
    static void stop() {
        server.close();
        fake.close();
    }

    @Test
    void aPhotoPresetRunsOnOpenRoutersImageModelAndRecordsItsCost() {
        ApiClient user = studio.userWithCredits(4);
        JsonNode done = Studio.awaitFinal(user, create(user, "smiling-" + UUID.randomUUID()), WAIT);

        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("provider").asText()).isEqualTo("openrouter");
        assertThat(done.get("model").asText()).isEqualTo("google/gemini-2.5-flash-image");
        assertThat(done.get("apiCostUsd").decimalValue()).isEqualByComparingTo("0.0387");
        assertThat(done.get("outputContentType").asText()).isEqualTo("image/png");
        assertThat(user.get(done.get("outputUrl").asText()).bytes()).isEqualTo(fake.png());
        assertThat(Studio.credits(user)).isZero();
    }

    @ParameterizedTest(name = "{0} → FAILED {1}")
    @CsvSource({
        "error200,http_502",
        "moderation,moderation",
        "nocredits,http_402",
        "error5xx,http_503",
        "malformed,malformed_response",
        "textonly,no_image"
    })
    void everyFailureEndsFailedAndRefunded(String scenario, String code) {
        ApiClient user = studio.userWithCredits(4);
        String id = create(user, scenario + "-" + UUID.randomUUID());
        JsonNode done = Studio.awaitFinal(user, id, WAIT);

        ProviderServers.assertFailedAndRefunded(user, id, done, code, 4);
    }

    @Test
    void aRateLimitedCallIsRetriedAndCompletes() {
        ApiClient user = studio.userWithCredits(4);
        JsonNode done = Studio.awaitFinal(user, create(user, "ratelimit-" + UUID.randomUUID()), WAIT);
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(Studio.credits(user)).isZero();
    }

    @Test
    void aCancelDuringTheCallRefundsAndTheLateAnswerIsDropped() {
        ApiClient user = studio.userWithCredits(4);
        String word = "slow-" + UUID.randomUUID();
        String id = create(user, word);
        Await.until(WAIT, () -> fake.calls("POST", "/chat/completions").stream().anyMatch(c -> c.body().contains(word)), seen -> seen);

        JsonNode canceled = user.post("/api/v1/generations/" + id + "/cancel", Map.of()).json();
        assertThat(canceled.get("status").asText()).isEqualTo("CANCELED");

        sleep(4000);
        JsonNode after = user.get("/api/v1/generations/" + id).json();
        assertThat(after.get("status").asText()).isEqualTo("CANCELED");
        assertThat(after.get("outputUrl").isNull()).isTrue();
        assertThat(Studio.credits(user)).isEqualTo(4);
    }

    @Test
    void aCallThatOutlivesItsTimeLimitFailsAndRefunds() {
        try (TestServer quick = ProviderServers.start(ProviderServers.only(ProviderServers.openRouter(fake)),
                ProviderServers.jobs(Duration.ofMillis(200), Duration.ofSeconds(30)), ProviderServers.patientBreaker(Duration.ofSeconds(1)), Optional.empty())) {
            Studio quickStudio = new Studio(quick);
            ApiClient user = quickStudio.userWithCredits(4);
            String id = Studio.create(user, preset, Studio.upload(user), "slow-" + UUID.randomUUID(), null).json().get("id").asText();

            JsonNode done = Studio.awaitFinal(user, id, WAIT);

            assertThat(done.get("status").asText()).isEqualTo("FAILED");
            assertThat(done.path("error").path("code").asText()).isEqualTo("provider_timeout");
            assertThat(Studio.credits(user)).isEqualTo(4);
        }
    }

    private static String create(ApiClient user, String prompt) {
        return Studio.create(user, preset, Studio.upload(user), prompt, null).json().get("id").asText();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
