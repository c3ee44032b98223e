package com.pixfino.server.providers.fal;

import static com.pixfino.server.testsupport.ProviderFaults.fault;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.model.AspectRatio;
import com.pixfino.model.MediaKind;
import com.pixfino.server.ServerApp;
import com.pixfino.server.providers.ProviderPoll;
import com.pixfino.server.providers.ProviderRequest;
import com.pixfino.server.providers.http.ProviderHttp;
import com.pixfino.server.testsupport.ProviderRequests;
import com.pixfino.server.testsupport.ProviderServers;
import com.pixfino.server.testsupport.TestImages;
import com.pixfino.server.testsupport.fakes.FakeFal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The fal.ai queue client against a fake that speaks the queue API. */
class FalProviderTest {

    private static final String KLING = "fal-ai/kling-video/v2.1/standard/image-to-video";
    private static final String KONTEXT = "fal-ai/flux-pro/kontext";

    @AutoClose
    private static final FakeFal fake = new FakeFal();

    @Test
    void aVideoRequestGoesThroughTheQueueAndReturnsItsVideoAndPrice() {
        FalProvider fal = provider(false);
        String word = "walk-" + UUID.randomUUID();
        ProviderRequest request = video(word);

        String jobId = fal.submit(request);

        // the subpath rule: status and result live under {owner}/{alias}, not the full model id
        assertThat(jobId).startsWith("fal-ai/kling-video/requests/");
        assertThat(fal.poll(jobId, request)).isEqualTo(new ProviderPoll.Running(null));
        assertThat(fal.poll(jobId, request)).isEqualTo(new ProviderPoll.Running(null));
        ProviderPoll.Succeeded done = (ProviderPoll.Succeeded) fal.poll(jobId, request);
        assertThat(done.outputs()).singleElement().satisfies(output -> {
            assertThat(output.contentType()).isEqualTo("video/mp4");
            assertThat(output.url().toString()).endsWith(".mp4");
        });
        assertThat(done.costUsd()).as("5 s at $0.056 a second").isEqualByComparingTo("0.28");

        FakeFal.Call submit = fake.call("POST", "/" + KLING, word);
        assertThat(submit.headers()).containsEntry("Authorization", "Key " + FakeFal.KEY);
        JsonNode input = submit.json();
        assertThat(input.path("image_url").asText()).startsWith("data:image/jpeg;base64,");
        assertThat(input.path("duration").asText()).isEqualTo("5");
        assertThat(fake.calls("GET", jobId + "/status"))
                .allSatisfy(c -> assertThat(c.query()).isEqualTo("logs=1"));
    }

    @Test
    void anImageRequestReturnsItsImage() {
        FalProvider fal = provider(false);
        ProviderRequest request = request(
                "kontext-" + UUID.randomUUID(), KONTEXT, MediaKind.IMAGE, null, TestImages.jpeg(300, 400), null);
        String jobId = fal.submit(request);
        fal.poll(jobId, request);
        fal.poll(jobId, request);

        ProviderPoll.Succeeded done = (ProviderPoll.Succeeded) fal.poll(jobId, request);

        assertThat(jobId).startsWith("fal-ai/flux-pro/requests/");
        assertThat(done.outputs())
                .singleElement()
                .satisfies(o -> assertThat(o.contentType()).isEqualTo("image/jpeg"));
        assertThat(done.costUsd()).isEqualByComparingTo("0.04");
    }

    @Test
    void imagesTheSafetyCheckerBlackedOutAreASafetyRefusalNotAResult() {
        FalProvider fal = provider(false);
        ProviderRequest request = request(
                "nsfwimage-" + UUID.randomUUID(), KONTEXT, MediaKind.IMAGE, null, TestImages.jpeg(300, 400), null);
        String jobId = fal.submit(request);
        fal.poll(jobId, request);
        fal.poll(jobId, request);

        ProviderPoll.Failed refused = (ProviderPoll.Failed) fal.poll(jobId, request);

        assertThat(refused.code()).isEqualTo("moderation");
        assertThat(refused.message()).contains("safety checker");
    }

    @Test
    void veoAndKontextGetTheFormatAndSeedInTheirInput() {
        String veoWord = "veo-" + UUID.randomUUID();
        ProviderRequest veo = request(
                veoWord, "fal-ai/veo3/fast/image-to-video", MediaKind.VIDEO, 8, TestImages.jpeg(300, 400), null);
        provider(false).submit(withFormat(veo, AspectRatio.STORY, 123L));
        var veoInput = fake.call("POST", "/fal-ai/veo3", veoWord).json();
        assertThat(veoInput.path("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(veoInput.path("seed").asLong()).isEqualTo(123L);

        String kontextWord = "kontext-format-" + UUID.randomUUID();
        ProviderRequest kontext = request(kontextWord, KONTEXT, MediaKind.IMAGE, null, TestImages.jpeg(300, 400), null);
        provider(false).submit(withFormat(kontext, AspectRatio.LANDSCAPE_3_2, 9L));
        var kontextInput = fake.call("POST", "/" + KONTEXT, kontextWord).json();
        assertThat(kontextInput.path("aspect_ratio").asText()).isEqualTo("3:2");
        assertThat(kontextInput.path("seed").asLong()).isEqualTo(9L);
    }

    @Test
    void withoutAFormatVeoFramesItselfAndNoSeedIsSent() {
        String word = "veo-auto-" + UUID.randomUUID();
        provider(false)
                .submit(request(
                        word, "fal-ai/veo3/fast/image-to-video", MediaKind.VIDEO, 8, TestImages.jpeg(300, 400), null));
        var input = fake.call("POST", "/fal-ai/veo3", word).json();
        assertThat(input.path("aspect_ratio").asText()).isEqualTo("auto");
        assertThat(input.has("seed")).isFalse();
    }

    private static ProviderRequest withFormat(ProviderRequest r, AspectRatio format, Long seed) {
        return new ProviderRequest(
                r.generationId(),
                r.kind(),
                r.model(),
                r.prompt(),
                r.negativePrompt(),
                r.recipeJson(),
                r.durationSeconds(),
                format,
                seed,
                r.input());
    }

    @Test
    void aLargePhotoTravelsByOurStorageLinkWhenWeHaveOne() {
        byte[] large = TestImages.encode(TestImages.noise(900, 900), "png");
        String word = "large-" + UUID.randomUUID();
        URI link = URI.create("https://bucket.example/uploads/u/1.png?X-Amz-Signature=abc");

        provider(false).submit(request(word, KLING, MediaKind.VIDEO, 5, large, link));

        assertThat(fake.call("POST", "/" + KLING, word).json().path("image_url").asText())
                .isEqualTo(link.toString());
    }

    @Test
    void aWebhookUrlIsPassedAsFalWebhook() {
        String word = "hooked-" + UUID.randomUUID();
        provider(true).submit(video(word));

        assertThat(fake.call("POST", "/" + KLING, word).query())
                .isEqualTo("fal_webhook="
                        + java.net.URLEncoder.encode(
                                ProviderServers.webhookUrl("fal").toString(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aRequestTheModelRejectedFailsWithItsReason() {
        FalProvider fal = provider(false);
        ProviderRequest request = video("fail-" + UUID.randomUUID());
        String jobId = fal.submit(request);
        fal.poll(jobId, request);
        fal.poll(jobId, request);

        assertThat(fault(() -> fal.poll(jobId, request), "moderation", false).getMessage())
                .contains("body.prompt: The content could not be processed");
    }

    @Test
    void cancelIsAPutOnTheRequestsCancelUrl() {
        FalProvider fal = provider(false);
        ProviderRequest request = video("forever-" + UUID.randomUUID());
        String jobId = fal.submit(request);

        fal.cancel(jobId);

        assertThat(fake.calls("PUT", jobId + "/cancel")).hasSize(1);
        assertThat(fake.canceled(jobId.substring(jobId.lastIndexOf('/') + 1))).isTrue();
    }

    @Test
    void httpErrorsMapToTransientOrFinalFailures() {
        FalProvider fal = provider(false);
        assertThat(fault(() -> fal.submit(video("ratelimit-" + UUID.randomUUID())), "rate_limited", true)
                        .retryAfter())
                .isEqualTo(Duration.ofSeconds(1));
        fault(() -> fal.submit(video("submit5xx")), "http_503", true);
        assertThat(fault(() -> fal.submit(video("refuse")), "http_422", false).getMessage())
                .contains("body.image_url: Image is too small");
    }

    @Test
    void aMalformedStatusIsAFinalFailure() {
        FalProvider fal = provider(false);
        ProviderRequest request = video("malformed-" + UUID.randomUUID());
        String jobId = fal.submit(request);

        fault(() -> fal.poll(jobId, request), "malformed_response", false);
    }

    @Test
    void eachModelFamilyGetsItsOwnInputFields() {
        var mapper = ServerApp.objectMapper();
        var veo = FalInput.of(
                request("p", "fal-ai/veo3/fast/image-to-video", MediaKind.VIDEO, 8, new byte[0], null), "u", mapper);
        var hailuo = FalInput.of(
                request("p", "fal-ai/minimax/hailuo-02/standard/image-to-video", MediaKind.VIDEO, 5, new byte[0], null),
                "u",
                mapper);
        var newKling = FalInput.of(
                request("p", "fal-ai/kling-video/v3/pro/image-to-video", MediaKind.VIDEO, 10, new byte[0], null),
                "u",
                mapper);

        assertThat(veo.path("duration").asText()).isEqualTo("8s");
        assertThat(veo.path("image_url").asText()).isEqualTo("u");
        assertThat(hailuo.path("duration").asText()).isEqualTo("6");
        assertThat(newKling.path("start_image_url").asText()).isEqualTo("u");
        assertThat(newKling.path("duration").asText()).isEqualTo("10");
    }

    private static FalProvider provider(boolean webhooks) {
        return new FalProvider(
                ProviderServers.fal(fake, webhooks),
                new ProviderHttp("fal.ai", new OkHttpClient(), ServerApp.objectMapper(), Clock.systemUTC()));
    }

    /** A 5 s Kling video request for a 300×400 JPEG. */
    private static ProviderRequest video(String prompt) {
        return request(prompt, KLING, MediaKind.VIDEO, 5, TestImages.jpeg(300, 400), null);
    }

    private static ProviderRequest request(
            String prompt, String model, MediaKind kind, Integer seconds, byte[] photo, URI link) {
        return ProviderRequests.of(kind, model, prompt, "blurry", seconds, photo, link);
    }
}
