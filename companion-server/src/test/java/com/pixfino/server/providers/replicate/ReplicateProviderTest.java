package com.pixfino.server.providers.replicate;

import static com.pixfino.server.testsupport.ProviderFaults.fault;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.model.MediaKind;
import com.pixfino.server.ServerApp;
import com.pixfino.server.providers.ProviderException;
import com.pixfino.server.providers.ProviderPoll;
import com.pixfino.server.providers.ProviderRequest;
import com.pixfino.server.providers.http.ProviderHttp;
import com.pixfino.server.testsupport.ProviderRequests;
import com.pixfino.server.testsupport.ProviderServers;
import com.pixfino.server.testsupport.TestImages;
import com.pixfino.server.testsupport.fakes.FakeReplicate;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The Replicate client against a fake that speaks the predictions API. */
class ReplicateProviderTest {

    private static final String KONTEXT = "black-forest-labs/flux-kontext-pro";
    private static final OkHttpClient HTTP = new OkHttpClient();

    @AutoClose
    private static final FakeReplicate fake = new FakeReplicate();

    @Test
    void aPredictionSucceedsAfterStartingAndProcessingWithProgressAndCost() {
        ReplicateProvider replicate = provider(false);
        String word = "smiling-" + UUID.randomUUID();
        ProviderRequest request = photo(word);

        String id = replicate.submit(request);

        assertThat(replicate.poll(id, request)).isEqualTo(new ProviderPoll.Running(null));
        assertThat(replicate.poll(id, request)).isEqualTo(new ProviderPoll.Running(50));
        ProviderPoll.Succeeded done = (ProviderPoll.Succeeded) replicate.poll(id, request);
        assertThat(done.outputs()).singleElement().satisfies(output -> {
            assertThat(output.url().toString())
                    .startsWith(fake.baseUrl() + "/files/")
                    .endsWith(".jpg");
            assertThat(output.contentType()).isEqualTo("image/jpeg");
        });
        assertThat(done.costUsd()).isEqualByComparingTo("0.04");

        FakeReplicate.Call create = fake.call("POST", "/v1/models/" + KONTEXT + "/predictions", word);
        assertThat(create.headers())
                .containsEntry("Authorization", "Bearer " + FakeReplicate.TOKEN)
                .containsEntry("Cancel-After", "360s");
        JsonNode input = create.json().path("input");
        assertThat(input.path("input_image").asText()).startsWith("data:image/jpeg;base64,");
        assertThat(input.path("prompt").asText()).startsWith("smiling");
        assertThat(create.json().has("webhook")).isFalse();
    }

    @Test
    void aPerSecondModelCostsItsPredictTime() {
        ReplicateProvider replicate = provider(false);
        ProviderRequest request =
                request("per second " + UUID.randomUUID(), "acme/portrait-model", TestImages.jpeg(300, 400));
        String id = replicate.submit(request);
        replicate.poll(id, request);
        replicate.poll(id, request);

        ProviderPoll.Succeeded done = (ProviderPoll.Succeeded) replicate.poll(id, request);

        // the default A100 price, $0.0014 a second, times the fake's 2.5 s
        assertThat(done.costUsd()).isEqualByComparingTo("0.0035");
    }

    @Test
    void aPinnedVersionGoesToTheGenericEndpoint() {
        String word = "pinned-" + UUID.randomUUID();
        provider(false).submit(request(word, "acme/model:abc123", TestImages.jpeg(300, 400)));

        FakeReplicate.Call create = fake.call("POST", "/v1/predictions", word);
        assertThat(create.path()).isEqualTo("/v1/predictions");
        assertThat(create.json().path("version").asText()).isEqualTo("abc123");
    }

    @Test
    void aPhotoOverOneMegabyteIsUploadedFirst() {
        byte[] large = TestImages.encode(TestImages.noise(900, 900), "png");
        assertThat(large.length).isGreaterThan(1024 * 1024);
        String word = "large-" + UUID.randomUUID();

        provider(false).submit(request(word, KONTEXT, large));

        assertThat(fake.calls("POST", "/v1/files")).isNotEmpty();
        FakeReplicate.Call create = fake.call("POST", "/predictions", word);
        assertThat(create.json().path("input").path("input_image").asText()).startsWith(fake.baseUrl() + "/v1/files/");
    }

    @Test
    void aWebhookIsRequestedForCompletionWhenConfigured() {
        String word = "hooked-" + UUID.randomUUID();
        provider(true).submit(photo(word));

        JsonNode body = fake.call("POST", "/predictions", word).json();
        assertThat(body.path("webhook").asText())
                .isEqualTo(ProviderServers.webhookUrl("replicate").toString());
        assertThat(body.path("webhook_events_filter").toString()).isEqualTo("[\"completed\"]");
    }

    @Test
    void aFailedPredictionIsAFinalFailureWithReplicatesReason() {
        ReplicateProvider replicate = provider(false);
        ProviderRequest request = photo("fail " + UUID.randomUUID());
        String id = replicate.submit(request);
        replicate.poll(id, request);
        replicate.poll(id, request);

        ProviderPoll.Failed failed = (ProviderPoll.Failed) replicate.poll(id, request);

        assertThat(failed.code()).as("the model's safety checker said no").isEqualTo("moderation");
        assertThat(failed.message()).contains("NSFW content detected");
    }

    @Test
    void cancelStopsThePrediction() {
        ReplicateProvider replicate = provider(false);
        ProviderRequest request = photo("forever " + UUID.randomUUID());
        String id = replicate.submit(request);
        assertThat(replicate.poll(id, request)).isInstanceOf(ProviderPoll.Running.class);

        replicate.cancel(id);

        assertThat(fake.calls("POST", "/v1/predictions/" + id + "/cancel")).hasSize(1);
        assertThat(((ProviderPoll.Failed) replicate.poll(id, request)).code()).isEqualTo("canceled_at_provider");
    }

    @Test
    void httpErrorsMapToTransientOrFinalFailures() {
        ReplicateProvider replicate = provider(false);

        ProviderException throttled =
                fault(() -> replicate.submit(photo("ratelimit " + UUID.randomUUID())), "rate_limited", true);
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttled.getMessage()).contains("throttled");
        fault(() -> replicate.submit(photo("submit5xx")), "http_503", true);
        assertThat(fault(() -> replicate.submit(photo("refuse")), "http_422", false)
                        .getMessage())
                .contains("Does not match format 'uri'");
    }

    @Test
    void aMalformedAnswerIsAFinalFailure() {
        ReplicateProvider replicate = provider(false);
        ProviderRequest request = photo("malformed " + UUID.randomUUID());
        String id = replicate.submit(request);

        fault(() -> replicate.poll(id, request), "malformed_response", false);
    }

    @Test
    void aWrongTokenIsFinalAndNeverEchoed() {
        ReplicateSettings wrong = new ReplicateSettings(
                "r8_wrong_secret", fake.uri(), Optional.empty(), Optional.empty(), ReplicateSettings.DEFAULT_PRICES);
        ReplicateProvider replicate = new ReplicateProvider(wrong, http(), Duration.ofMinutes(6));

        assertThat(fault(() -> replicate.submit(photo("x")), "http_401", false).getMessage())
                .doesNotContain("r8_wrong_secret");
        assertThat(wrong.toString()).doesNotContain("r8_wrong_secret");
    }

    @Test
    void anUnreachableServiceIsTransient() {
        ReplicateSettings nowhere = new ReplicateSettings(
                "t",
                URI.create("http://127.0.0.1:1"),
                Optional.empty(),
                Optional.empty(),
                ReplicateSettings.DEFAULT_PRICES);

        fault(
                () -> new ReplicateProvider(nowhere, http(), Duration.ofMinutes(6))
                        .poll("abc", request("x", KONTEXT, new byte[0])),
                "network_error",
                true);
    }

    @Test
    void progressIsReadFromTheLastTqdmLine() {
        assertThat(ReplicatePrediction.progress("Using seed 1\n  5%|▌ | 1/20\n 76%|███▌ | 7568/10000"))
                .isEqualTo(76);
        assertThat(ReplicatePrediction.progress("loading weights")).isNull();
    }

    private static ReplicateProvider provider(boolean webhooks) {
        return new ReplicateProvider(ProviderServers.replicate(fake, webhooks), http(), Duration.ofMinutes(6));
    }

    private static ProviderHttp http() {
        return new ProviderHttp("Replicate", HTTP, ServerApp.objectMapper(), Clock.systemUTC());
    }

    /** A Kontext photo request for a 300×400 JPEG. */
    private static ProviderRequest photo(String prompt) {
        return request(prompt, KONTEXT, TestImages.jpeg(300, 400));
    }

    static ProviderRequest request(String prompt, String model, byte[] photo) {
        return ProviderRequests.of(MediaKind.IMAGE, model, prompt, "", null, photo, null);
    }
}
