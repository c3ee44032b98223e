package com.pixfino.server.providers.replicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.GenerationView;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ProviderServers;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.server.testsupport.fakes.FakeReplicate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
        server = ProviderServers.startWebhookDriven(ProviderServers.only(ProviderServers.replicate(fake, true)));
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
        assertThat(fake.call("POST", "/predictions", word)
                        .json()
                        .path("webhook")
                        .asText())
                .isEqualTo(ProviderServers.webhookUrl("replicate").toString());

        String body = fake.finish(fake.onlyPredictionFor(word));
        ProviderServers.Reply reply = post(body, signed(body, Instant.now(), FakeReplicate.WEBHOOK_SECRET));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("matched").asBoolean()).isTrue();
        GenerationView done = Studio.awaitFinal(user, id, WAIT);
        assertThat(done.status()).isEqualTo(GenerationStatus.COMPLETED);
        assertThat(Studio.credits(user)).isZero();
    }

    @Test
    void aWebhookThatArrivesWhileThePollIsUnderWayStillFinishesTheJobAtOnce() {
        ApiClient user = studio.userWithCredits(4);
        String word = "hold-slowpoll-" + UUID.randomUUID();
        String id = running(user, word);
        // the job's step is inside its poll (it will answer "processing"): the webhook cannot reschedule it now
        await().atMost(WAIT).until(() -> fake.slowPollsWaiting() > 0);
        String body = fake.finish(fake.onlyPredictionFor(word));
        assertThat(post(body, signed(body, Instant.now(), FakeReplicate.WEBHOOK_SECRET))
                        .json()
                        .path("matched")
                        .asBoolean())
                .isTrue();
        fake.releaseSlowPolls();

        // the poll interval here is 60 s: only the webhook remembered for the running step ends the job this soon
        GenerationView done = Studio.awaitFinal(user, id, WAIT);
        assertThat(done.status()).isEqualTo(GenerationStatus.COMPLETED);
    }

    @Test
    void aBadOrStaleSignatureIsRefusedAndChangesNothing() {
        ApiClient user = studio.userWithCredits(4);
        String word = "hold-" + UUID.randomUUID();
        String id = running(user, word);
        String prediction = fake.onlyPredictionFor(word);
        int pollsBefore = fake.polls(prediction);
        String body = fake.webhookBody(prediction).replace("\"processing\"", "\"succeeded\"");
        String otherSecret =
                "whsec_" + Base64.getEncoder().encodeToString("not-the-account-secret-at-all!!!".getBytes());

        ProviderServers.Reply bad = post(body, signed(body, Instant.now(), otherSecret));
        ProviderServers.Reply stale =
                post(body, signed(body, Instant.now().minusSeconds(301), FakeReplicate.WEBHOOK_SECRET));
        ProviderServers.Reply unsigned = post(body, Map.of());

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("error").path("code").asText()).isEqualTo("invalid_signature");
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.json().path("error").path("code").asText()).isEqualTo("stale_webhook");
        assertThat(unsigned.status()).isEqualTo(400);
        await("a refused webhook to change nothing")
                .during(Duration.ofMillis(1500))
                .atMost(WAIT)
                .untilAsserted(() -> {
                    assertThat(Studio.generation(user, id).status()).isEqualTo(GenerationStatus.RUNNING);
                    assertThat(fake.polls(prediction))
                            .as("a refused webhook triggers no poll")
                            .isEqualTo(pollsBefore);
                });
        assertThat(Studio.ledgerKinds(user, id)).containsExactly(LedgerKind.DEBIT);
    }

    @Test
    void webhooksRacingEachOtherAndThePollFinishTheJobOnce() throws Exception {
        ApiClient user = studio.userWithCredits(4);
        String word = "hold-fail-" + UUID.randomUUID();
        String id = running(user, word);
        String body = fake.finish(fake.onlyPredictionFor(word));

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<ProviderServers.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                replies.add(pool.submit(() -> post(body, signed(body, Instant.now(), FakeReplicate.WEBHOOK_SECRET))));
            }
            for (Future<ProviderServers.Reply> reply : replies) {
                assertThat(reply.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        GenerationView done = Studio.awaitFinal(user, id, WAIT);
        assertThat(done.status()).isEqualTo(GenerationStatus.FAILED);
        // every poll the webhooks brought forward has run once the queue lets go of the job
        await("the job's last step").atMost(WAIT).until(() -> !server.hasQueuedJob(id));
        ProviderServers.Reply late = post(body, signed(body, Instant.now(), FakeReplicate.WEBHOOK_SECRET));
        assertThat(late.json().path("matched").asBoolean())
                .as("a finished job ignores later webhooks")
                .isFalse();
        assertThat(Studio.ledgerKinds(user, id)).containsExactly(LedgerKind.DEBIT, LedgerKind.REFUND);
        assertThat(Studio.credits(user)).isEqualTo(4);
    }

    @Test
    void aProviderWithoutWebhooksAnswers404() {
        ProviderServers.Reply reply = ProviderServers.postWebhook(server, "fal", "{}", Map.of());
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("error").path("code").asText()).isEqualTo("not_found");
    }

    /** Creates a generation and waits until its first poll saw it processing. */
    private static String running(ApiClient user, String word) {
        String id = Studio.generate(user, preset, word);
        await().atMost(WAIT).until(() -> fake.hasPredictionFor(word) && fake.polls(fake.onlyPredictionFor(word)) > 0);
        return id;
    }

    private static ProviderServers.Reply post(String body, Map<String, String> headers) {
        return ProviderServers.postWebhook(server, "replicate", body, headers);
    }

    private static Map<String, String> signed(String body, Instant at, String secret) {
        return FakeReplicate.signedHeaders(body, at, secret);
    }
}
