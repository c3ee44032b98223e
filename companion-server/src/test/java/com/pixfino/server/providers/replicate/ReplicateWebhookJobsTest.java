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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replicate webhooks through the real server. Jobs here poll only every 60 s, so a generation that
 * finishes within seconds was finished by its webhook.
 */
class ReplicateWebhookJobsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static FakeReplicate fake;
    private static TestServer server;
    private static Studio studio;
    private static long preset;

    @BeforeAll
    static void start() {
        fake = new FakeReplicate();
        server = ProviderServers.start(ProviderServers.only(ProviderServers.replicate(fake, true)),
                ProviderServers.jobs(Duration.ofSeconds(60), Duration.ofMinutes(5)), ProviderServers.patientBreaker(Duration.ofSeconds(30)), Optional.empty());
        studio = new Studio(server);
        preset = studio.presetId("linkedin-headshot");
    }

    @AfterAll
    static void stop() {
        server.close();
        fake.close();
    }

    @Test
    void aSignedWebhookFinishesTheJobAtOnce() {
        ApiClient user = studio.userWithCredits(4);
        String word = "hold-" + UUID.randomUUID();
        String id = running(user, word);
        assertThat(fake.call("POST", "/predictions", word).json().path("webhook").asText())
                .isEqualTo(ProviderServers.PUBLIC_URL + "/api/v1/providers/replicate/webhook");

        String body = fake.finish(fake.onlyPredictionFor(word));
        ProviderServers.Reply reply = ProviderServers.postWebhook(server, "replicate", body, FakeReplicate.signedHeaders(body, Instant.now(), FakeReplicate.WEBHOOK_SECRET));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("matched").asBoolean()).isTrue();
        JsonNode done = Studio.awaitFinal(user, id, WAIT);
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(Studio.credits(user)).isZero();
    }

    @Test
    void aBadOrStaleSignatureIsRefusedAndChangesNothing() {
        ApiClient user = studio.userWithCredits(4);
        String word = "hold-" + UUID.randomUUID();
        String id = running(user, word);
        String prediction = fake.onlyPredictionFor(word);
        int pollsBefore = fake.polls(prediction);
        String body = fake.webhookBody(prediction).replace("\"processing\"", "\"succeeded\"");
        String otherSecret = "whsec_" + java.util.Base64.getEncoder().encodeToString("not-the-account-secret-at-all!!!".getBytes());

        ProviderServers.Reply bad = ProviderServers.postWebhook(server, "replicate", body, FakeReplicate.signedHeaders(body, Instant.now(), otherSecret));
        ProviderServers.Reply stale = ProviderServers.postWebhook(server, "replicate", body,
                FakeReplicate.signedHeaders(body, Instant.now().minusSeconds(301), FakeReplicate.WEBHOOK_SECRET));
        ProviderServers.Reply unsigned = ProviderServers.postWebhook(server, "replicate", body, java.util.Map.of());

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("error").path("code").asText()).isEqualTo("invalid_signature");
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.json().path("error").path("code").asText()).isEqualTo("stale_webhook");
        assertThat(unsigned.status()).isEqualTo(400);
        sleep(1500);
        assertThat(user.get("/api/v1/generations/" + id).json().get("status").asText()).isEqualTo("RUNNING");
        assertThat(fake.polls(prediction)).as("a refused webhook triggers no poll").isEqualTo(pollsBefore);
        assertThat(ProviderServers.ledgerKinds(user, id)).containsExactly("DEBIT");
    }

    @Test
    void webhooksRacingEachOtherAndThePollFinishTheJobOnce() throws Exception {
        ApiClient user = studio.userWithCredits(4);
        String word = "hold-fail-" + UUID.randomUUID();
        String id = running(user, word);
        String body = fake.finish(fake.onlyPredictionFor(word));

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<ProviderServers.Reply>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                replies.add(pool.submit(() -> ProviderServers.postWebhook(server, "replicate", body,
                        FakeReplicate.signedHeaders(body, Instant.now(), FakeReplicate.WEBHOOK_SECRET))));
            }
            for (Future<ProviderServers.Reply> reply : replies) {
                assertThat(reply.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        JsonNode done = Studio.awaitFinal(user, id, WAIT);
        assertThat(done.get("status").asText()).isEqualTo("FAILED");
        sleep(1000);
        ProviderServers.Reply late = ProviderServers.postWebhook(server, "replicate", body, FakeReplicate.signedHeaders(body, Instant.now(), FakeReplicate.WEBHOOK_SECRET));
        assertThat(late.json().path("matched").asBoolean()).as("a finished job ignores later webhooks").isFalse();
        assertThat(ProviderServers.ledgerKinds(user, id)).containsExactly("DEBIT", "REFUND");
        assertThat(Studio.credits(user)).isEqualTo(4);
    }

    @Test
    void aProviderWithoutWebhooksAnswers404() {
        ProviderServers.Reply reply = ProviderServers.postWebhook(server, "fal", "{}", java.util.Map.of());
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("error").path("code").asText()).isEqualTo("not_found");
    }

    /** Creates a generation and waits until its first poll saw it processing. */
    private static String running(ApiClient user, String word) {
        String id = Studio.create(user, preset, Studio.upload(user), word, null).json().get("id").asText();
        Await.until(WAIT, () -> fake.hasPredictionFor(word) && fake.polls(fake.onlyPredictionFor(word)) > 0, polled -> polled);
        return id;
    }

    private static void sleep(long millis) throws RuntimeException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
