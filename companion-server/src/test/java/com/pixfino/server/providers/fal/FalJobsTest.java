package com.pixfino.server.providers.fal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.GenerationView;
import com.pixfino.server.providers.RemoteProviderContractTest;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ProviderServers;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.server.testsupport.TestVideos;
import com.pixfino.server.testsupport.fakes.FakeFal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The provider contract for fal.ai video generations (the real client against the fake), and its webhooks. */
class FalJobsTest extends RemoteProviderContractTest {

    @AutoClose
    private final FakeFal fake = new FakeFal();

    private TestServer hooked;

    @Override
    protected Profile profile() {
        return queued(
                "portrait-ken-burns",
                new Completion("fal", "fal-ai/kling-video/v2.1/standard/image-to-video", "0.28", "video/mp4"),
                "moderation",
                new Remote(fake, FakeFal.KEY, "/fal-ai/"));
    }

    @Override
    protected TestServer startServer() {
        return ProviderServers.start(ProviderServers.only(ProviderServers.fal(fake, false)), Duration.ofSeconds(4));
    }

    @BeforeAll
    void startWebhookServer() {
        hooked = ProviderServers.startWebhookDriven(ProviderServers.only(ProviderServers.fal(fake, true)));
    }

    @AfterAll
    void stopWebhookServer() {
        hooked.close();
    }

    @Override
    protected void awaitBusyAtProvider(String prompt, Job job) {
        awaitPolled(prompt);
    }

    @Override
    protected void assertCompletedAtProvider(Completed job) {
        assertThat(job.output().bytes()).isEqualTo(TestVideos.mp4());
        assertThat(fake.polls(fake.onlyRequestFor(job.prompt())))
                .as("queued, running, completed")
                .isGreaterThanOrEqualTo(3);
    }

    @Override
    protected void awaitToldToStop(String prompt) {
        String request = fake.onlyRequestFor(prompt);
        await().atMost(WAIT).until(() -> fake.canceled(request));
    }

    @Test
    void aSignedWebhookFinishesTheJobAndBadOrStaleOnesChangeNothing() {
        Studio hookedStudio = new Studio(hooked);
        ApiClient user = hookedStudio.userWithCredits(20);
        String word = "hold-" + UUID.randomUUID();
        String id = Studio.generate(user, hookedStudio.presetId(profile.presetSlug()), word);
        awaitPolled(word);
        String request = fake.onlyRequestFor(word);
        int polls = fake.polls(request);
        String pending = "{\"request_id\":\"" + request + "\",\"status\":\"OK\",\"payload\":{}}";

        ProviderServers.Reply forged = ProviderServers.postWebhook(
                hooked, "fal", pending, fake.signedHeaders(request, pending, Instant.now(), true));
        ProviderServers.Reply stale = ProviderServers.postWebhook(
                hooked,
                "fal",
                pending,
                fake.signedHeaders(request, pending, Instant.now().minusSeconds(400), false));

        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().path("error").path("code").asText()).isEqualTo("invalid_signature");
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.json().path("error").path("code").asText()).isEqualTo("stale_webhook");
        assertThat(Studio.generation(user, id).status()).isEqualTo(GenerationStatus.RUNNING);
        assertThat(fake.polls(request)).isEqualTo(polls);

        String body = fake.finish(request);
        ProviderServers.Reply good = ProviderServers.postWebhook(
                hooked, "fal", body, fake.signedHeaders(request, body, Instant.now(), false));

        assertThat(good.status()).isEqualTo(200);
        GenerationView done = Studio.awaitFinal(user, id, Duration.ofSeconds(15));
        assertThat(done.status()).isEqualTo(GenerationStatus.COMPLETED);
        assertThat(Studio.ledgerKinds(user, id)).containsExactly(LedgerKind.DEBIT);
        assertThat(fake.call("POST", "/fal-ai/kling-video", word).query()).startsWith("fal_webhook=");
    }

    private void awaitPolled(String prompt) {
        await().atMost(WAIT).until(() -> fake.hasRequestFor(prompt) && fake.polls(fake.onlyRequestFor(prompt)) > 0);
    }

    @Test
    void klingGetsTheFormatAndNoSeedItWouldNotTake() {
        var input = sentToProvider(fake, "/fal-ai/", "portrait-ken-burns", "format-1x1-kling", "1:1", 77);
        assertThat(input.path("aspect_ratio").asText()).isEqualTo("1:1");
        assertThat(input.has("seed")).as("Kling on fal takes no seed").isFalse();
    }
}
