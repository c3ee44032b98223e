package com.pixfino.server.providers.openrouter;

import static com.pixfino.server.testsupport.ProviderFaults.fault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.model.MediaKind;
import com.pixfino.server.ServerApp;
import com.pixfino.server.providers.ProviderPoll;
import com.pixfino.server.providers.ProviderRequest;
import com.pixfino.server.providers.http.ProviderHttp;
import com.pixfino.server.testsupport.ProviderServers;
import com.pixfino.server.testsupport.TestImages;
import com.pixfino.server.testsupport.fakes.FakeOpenRouter;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OpenRouter client against a fake of its chat completions for image models. */
class OpenRouterProviderTest {

    private static final String GEMINI = "google/gemini-2.5-flash-image";

    @AutoClose
    private static final FakeOpenRouter fake = new FakeOpenRouter();

    private static final OpenRouterProvider openRouter = new OpenRouterProvider(
            ProviderServers.openRouter(fake),
            new ProviderHttp("OpenRouter", new OkHttpClient(), ServerApp.objectMapper(), Clock.systemUTC()));

    @Test
    void submitMakesNoCallAndThePollReturnsThePictureAndItsCost() {
        int before = fake.completions();
        String word = "portrait-" + UUID.randomUUID();
        ProviderRequest request = request(word);

        String job = openRouter.submit(request);
        assertThat(fake.completions()).isEqualTo(before);
        ProviderPoll.Succeeded done = (ProviderPoll.Succeeded) openRouter.poll(job, request);

        assertThat(done.outputs()).singleElement().satisfies(output -> {
            assertThat(output.contentType()).isEqualTo("image/png");
            assertThat(output.bytes()).isEqualTo(fake.png());
        });
        assertThat(done.costUsd()).isEqualByComparingTo("0.0387");
        JsonNode body = fake.call("POST", "/api/v1/chat/completions", word).json();
        assertThat(body.path("model").asText()).isEqualTo(GEMINI);
        assertThat(body.path("modalities").toString()).isEqualTo("[\"image\",\"text\"]");
        assertThat(body.path("image_config").path("aspect_ratio").asText()).isEqualTo("4:5");
        JsonNode content = body.path("messages").path(0).path("content");
        assertThat(content.path(0).path("type").asText()).isEqualTo("text");
        assertThat(content.path(1).path("image_url").path("url").asText()).startsWith("data:image/jpeg;base64,");
        assertThat(fake.call("POST", "/api/v1/chat/completions", word).headers())
                .containsEntry("Authorization", "Bearer " + FakeOpenRouter.KEY);
    }

    @ParameterizedTest(name = "{0} → {1}, transient={2}")
    @CsvSource({
        "error200,http_502,true",
        "moderation,moderation,false",
        "nocredits,http_402,false",
        "error5xx,http_503,true",
        "malformed,malformed_response,false"
    })
    void errorsMapToTransientOrFinalFailures(String scenario, String code, boolean transientFault) {
        ProviderRequest request = request(scenario + "-" + UUID.randomUUID());

        assertThat(fault(() -> openRouter.poll(openRouter.submit(request), request), code, transientFault)
                        .getMessage())
                .doesNotContain(FakeOpenRouter.KEY);
    }

    @Test
    void anErrorInsideA200CarriesOpenRoutersMessage() {
        ProviderRequest request = request("error200-" + UUID.randomUUID());
        assertThatThrownBy(() -> openRouter.poll(openRouter.submit(request), request))
                .hasMessageContaining("Provider returned error");
    }

    @Test
    void aModerationRefusalNamesItsReasons() {
        ProviderRequest request = request("moderation-" + UUID.randomUUID());
        assertThatThrownBy(() -> openRouter.poll(openRouter.submit(request), request))
                .hasMessageContaining("violence");
    }

    @Test
    void rateLimitsCarryRetryAfter() {
        ProviderRequest request = request("ratelimit-" + UUID.randomUUID());
        assertThat(fault(() -> openRouter.poll(openRouter.submit(request), request), "rate_limited", true)
                        .retryAfter())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(openRouter.poll(openRouter.submit(request), request)).isInstanceOf(ProviderPoll.Succeeded.class);
    }

    @Test
    void anAnswerWithoutAPictureIsAFailureThatQuotesTheModel() {
        ProviderRequest request = request("textonly-" + UUID.randomUUID());
        ProviderPoll.Failed failed = (ProviderPoll.Failed) openRouter.poll(openRouter.submit(request), request);
        assertThat(failed.code()).isEqualTo("no_image");
        assertThat(failed.message()).contains("I cannot edit this photo");
    }

    @Test
    void itMakesImagesOnly() {
        assertThat(openRouter.capabilities().canDo(MediaKind.VIDEO)).isFalse();
        assertThat(openRouter.defaultModel(MediaKind.IMAGE)).isEqualTo(GEMINI);
        assertThat(openRouter.defaultModel(MediaKind.VIDEO)).isNull();
    }

    private static ProviderRequest request(String prompt) {
        byte[] photo = TestImages.jpeg(300, 400);
        ProviderRequest.InputImage image = new ProviderRequest.InputImage(photo, "image/jpeg", 300, 400);
        return new ProviderRequest(
                UUID.randomUUID(), MediaKind.IMAGE, GEMINI, prompt, "", "{\"aspect\":\"4:5\"}", null, () -> image);
    }
}
