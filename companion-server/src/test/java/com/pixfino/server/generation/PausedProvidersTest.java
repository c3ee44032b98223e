package com.pixfino.server.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.model.GenerationStatus;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.ProviderServers;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.server.testsupport.fakes.FakeReplicate;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replicate alone runs the photo presets. Once its breaker is open, a create is refused up front with a 503
 * and a Retry-After, charging nothing; /health says degraded (still 200) and /metrics shows the open
 * circuit. When the breaker lets a trial call through, creates are accepted again.
 */
class PausedProvidersTest {

    private static final Duration OPEN = Duration.ofSeconds(4);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private FakeReplicate replicate;
    private TestServer server;
    private Studio studio;
    private long preset;

    @BeforeEach
    void start() {
        replicate = new FakeReplicate();
        // two failed calls in a row (one job's create and its retry) open the breaker for OPEN
        server = ProviderServers.startQuickToTrip(
                ProviderServers.only(ProviderServers.replicate(replicate, false)), OPEN);
        studio = new Studio(server);
        preset = studio.presetId("linkedin-headshot");
    }

    @AfterEach
    void stop() {
        server.close();
        replicate.close();
    }

    @Test
    void whileEveryProviderOfAPresetIsPausedACreateIsRefusedWithRetryAfterAndNothingCharged() {
        ApiClient user = studio.userWithCredits(8);
        String upload = Studio.upload(user);
        String key = "key-" + UUID.randomUUID();
        String firstPrompt = "fine " + UUID.randomUUID();
        String first = Studio.create(user, preset, upload, firstPrompt, key)
                .json()
                .get("id")
                .asText();
        assertThat(Studio.awaitFinal(user, first, WAIT).status()).isEqualTo(GenerationStatus.COMPLETED);
        String tripping = Studio.create(user, preset, upload, "submit5xx " + UUID.randomUUID(), null)
                .json()
                .get("id")
                .asText();
        assertThat(Studio.awaitFinal(user, tripping, WAIT).error().code()).isEqualTo("http_503");

        int credits = Studio.credits(user);
        int ledgerRows = ledger(user).size();
        int generations =
                user.get("/api/v1/generations?limit=200").json().path("items").size();
        Answer refused = Studio.create(user, preset, upload, "would work " + UUID.randomUUID(), null);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, (int) OPEN.toSeconds());
        assertThat(refused.errorCode()).isEqualTo("providers_paused");
        assertThat(refused.json().path("error").path("message").asText())
                .contains("nothing was charged")
                .contains("Try again in");
        assertThat(Studio.credits(user)).isEqualTo(credits);
        assertThat(ledger(user)).hasSize(ledgerRows);
        assertThat(user.get("/api/v1/generations?limit=200").json().path("items"))
                .hasSize(generations);

        // the same request again (any field changed would be a 409)
        Answer replay = Studio.create(user, preset, upload, firstPrompt, key);
        assertThat(replay.status())
                .as("a retried create that was accepted before still answers its generation")
                .isEqualTo(202);
        assertThat(replay.json().get("id").asText()).isEqualTo(first);

        Answer health = server.client().get("/health");
        assertThat(health.status())
                .as("an open breaker keeps the instance in the load balancer")
                .isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("degraded");
        assertThat(health.json().get("database").asText()).isEqualTo("ok");
        assertThat(health.json().get("reasons"))
                .extracting(JsonNode::asText)
                .containsExactly("replicate: circuit open");
        assertThat(server.client().get("/metrics").body())
                .contains("resilience4j_circuitbreaker_state{name=\"replicate\",state=\"open\"} 1")
                .contains(
                        "pixfino_provider_calls_seconds_count{operation=\"submit\",outcome=\"error\",provider=\"replicate\"} 2");

        Answer accepted = await().atMost(OPEN.plus(Duration.ofSeconds(5)))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> Studio.create(user, preset, upload, "after the pause " + UUID.randomUUID(), null),
                        answer -> answer.status() != 503);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(Studio.awaitFinal(user, accepted.json().get("id").asText(), WAIT)
                        .status())
                .isEqualTo(GenerationStatus.COMPLETED);
        JsonNode healthy = server.client().get("/health").json();
        assertThat(healthy.get("status").asText()).isEqualTo("ok");
        assertThat(healthy.get("reasons")).isEmpty();
    }

    private static JsonNode ledger(ApiClient user) {
        return user.get("/api/v1/credits/ledger?limit=200").json().path("items");
    }
}
