package com.pixfino.server.providers.fal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.Await;
import com.pixfino.server.testsupport.ProviderServers;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.server.testsupport.TestVideos;
import com.pixfino.server.testsupport.fakes.FakeFal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Video generations on the real server whose fal.ai client talks to the fake: every outcome, failures refunded, webhooks. */
class FalJobsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static FakeFal fake;
    private static TestServer server;
    private static TestServer hooked;
    private static Studio studio;
    private static long video;

    @BeforeAll
    static void start() {
        fake = new FakeFal();
        server = ProviderServers.start(ProviderServers.only(ProviderServers.fal(fake, false)), Duration.ofSeconds(4));
        // with webhooks on, jobs poll only every 60 s: a job done in seconds was done by its webhook
        hooked = ProviderServers.start(ProviderServers.only(ProviderServers.fal(fake, true)),
                ProviderServers.jobs(Duration.ofSeconds(60), Duration.ofMinutes(5)), ProviderServers.patientBreaker(Duration.ofSeconds(30)), Optional.empty());
        studio = new Studio(server);
        video = studio.presetId("portrait-ken-burns");
    }

    @AfterAll
    static void stop() {
        server.close();
        hooked.close();
        fake.close();
    }

    @Test
    void aQueuedThenRunningRequestCompletesWithTheVideoItsThumbnailAndCost() {
        ApiClient user = studio.userWithCredits(20);
        String word = "walk-" + UUID.randomUUID();
        JsonNode done = Studio.awaitFinal(user, create(user, word), WAIT);

        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("provider").asText()).isEqualTo("fal");
        assertThat(done.get("model").asText()).isEqualTo("fal-ai/kling-video/v2.1/standard/image-to-video");
        assertThat(done.get("apiCostUsd").decimalValue()).isEqualByComparingTo("0.28");
        assertThat(done.get("outputContentType").asText()).isEqualTo("video/mp4");
        assertThat(user.get(done.get("outputUrl").asText()).bytes()).isEqualTo(TestVideos.mp4());
        assertThat(user.get(done.get("thumbnailUrl").asText()).contentType()).isEqualTo("image/jpeg");
        assertThat(fake.polls(fake.onlyRequestFor(word))).isGreaterThanOrEqualTo(3);
        assertThat(Studio.credits(user)).isZero();
    }

    @ParameterizedTest(name = "{0} → FAILED {1}")
    @CsvSource({
        "fail,http_422",
        "refuse,http_422",
        "submit5xx,http_503",
        "poll5xx,http_500",
        "malformed,malformed_response"
    })
    void everyFailureEndsFailedAndRefunded(String scenario, String code) {
        ApiClient user = studio.userWithCredits(20);
        String id = create(user, scenario + "-" + UUID.randomUUID());
        JsonNode done = Studio.awaitFinal(user, id, WAIT);

        ProviderServers.assertFailedAndRefunded(user, id, done, code, 20);
        assertThat(done.path("error").path("message").asText()).doesNotContain(FakeFal.KEY);
    }

    @Test
    void aTimedOutRequestFailsRefundedAndIsCanceledAtFal() {
        ApiClient user = studio.userWithCredits(20);
        String word = "forever-" + UUID.randomUUID();
        String id = create(user, word);
        JsonNode done = Studio.awaitFinal(user, id, WAIT);

        ProviderServers.assertFailedAndRefunded(user, id, done, "timeout", 20);

        String request = fake.onlyRequestFor(word);
        Await.until(WAIT, () -> fake.canceled(request), canceled -> canceled);
    }

    @Test
    void aRateLimitedSubmitIsRetriedAndCompletes() {
        ApiClient user = studio.userWithCredits(20);
        JsonNode done = Studio.awaitFinal(user, create(user, "ratelimit-" + UUID.randomUUID()), WAIT);

        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(Studio.credits(user)).isZero();
    }

    @Test
    void cancelRefundsAndCancelsTheRequestAtFal() {
        ApiClient user = studio.userWithCredits(20);
        String word = "hold-" + UUID.randomUUID();
        String id = create(user, word);
        Await.until(WAIT, () -> fake.hasRequestFor(word) && fake.polls(fake.onlyRequestFor(word)) > 0, polled -> polled);

        JsonNode canceled = user.post("/api/v1/generations/" + id + "/cancel", Map.of()).json();

        assertThat(canceled.get("status").asText()).isEqualTo("CANCELED");
        assertThat(Studio.credits(user)).isEqualTo(20);
        Await.until(WAIT, () -> fake.canceled(fake.onlyRequestFor(word)), done -> done);
    }

    @Test
    void aSignedWebhookFinishesTheJobAndBadOrStaleOnesChangeNothing() {
        Studio hookedStudio = new Studio(hooked);
        ApiClient user = hookedStudio.userWithCredits(20);
        String word = "hold-" + UUID.randomUUID();
        String id = Studio.create(user, video, Studio.upload(user), word, null).json().get("id").asText();
        Await.until(WAIT, () -> fake.hasRequestFor(word) && fake.polls(fake.onlyRequestFor(word)) > 0, polled -> polled);
        String request = fake.onlyRequestFor(word);
        int polls = fake.polls(request);
        String pending = "{\"request_id\":\"" + request + "\",\"status\":\"OK\",\"payload\":{}}";

        ProviderServers.Reply forged = ProviderServers.postWebhook(hooked, "fal", pending, fake.signedHeaders(request, pending, Instant.now(), true));
        ProviderServers.Reply stale = ProviderServers.postWebhook(hooked, "fal", pending, fake.signedHeaders(request, pending, Instant.now().minusSeconds(400), false));

        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().path("error").path("code").asText()).isEqualTo("invalid_signature");
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.json().path("error").path("code").asText()).isEqualTo("stale_webhook");
        assertThat(user.get("/api/v1/generations/" + id).json().get("status").asText()).isEqualTo("RUNNING");
        assertThat(fake.polls(request)).isEqualTo(polls);

        String body = fake.finish(request);
        ProviderServers.Reply good = ProviderServers.postWebhook(hooked, "fal", body, fake.signedHeaders(request, body, Instant.now(), false));

        assertThat(good.status()).isEqualTo(200);
        JsonNode done = Studio.awaitFinal(user, id, Duration.ofSeconds(15));
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(ProviderServers.ledgerKinds(user, id)).containsExactly("DEBIT");
        assertThat(fake.call("POST", "/fal-ai/kling-video", word).query()).startsWith("fal_webhook=");
    }

    private static String create(ApiClient user, String prompt) {
        return Studio.create(user, video, Studio.upload(user), prompt, null).json().get("id").asText();
    }
}
