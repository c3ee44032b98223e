package com.pixfino.server.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.generation.JobSettings;
import com.pixfino.server.providers.RemoteProviderSettings;
import com.pixfino.server.providers.ResilienceSettings;
import com.pixfino.server.providers.fal.FalSettings;
import com.pixfino.server.providers.openrouter.OpenRouterSettings;
import com.pixfino.server.providers.replicate.ReplicateSettings;
import com.pixfino.server.storage.S3Settings;
import com.pixfino.server.testsupport.fakes.FakeFal;
import com.pixfino.server.testsupport.fakes.FakeOpenRouter;
import com.pixfino.server.testsupport.fakes.FakeReplicate;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Real servers whose AI providers are the real clients, configured against the local fakes. */
public final class ProviderServers {

    /** Where the providers would call us back; the fakes never do, tests post the webhooks themselves. */
    public static final URI PUBLIC_URL = URI.create("https://pixfino.example");

    private static final OkHttpClient HTTP = new OkHttpClient();

    private ProviderServers() {
    }

    /** Jobs poll every 200 ms and time out after {@code timeout}. */
    public static JobSettings jobs(Duration pollInterval, Duration timeout) {
        return new JobSettings(pollInterval, timeout, Duration.ofMillis(100), Duration.ofSeconds(1), 4);
    }

    /** Two attempts per call, short backoff, and a breaker that would need 50 failures in a row to open. */
    public static ResilienceSettings patientBreaker(Duration callTimeout) {
        return new ResilienceSettings(50, Duration.ofSeconds(60), 2, Duration.ofMillis(20), callTimeout);
    }

    public static TestServer start(RemoteProviderSettings providers, JobSettings jobs, ResilienceSettings resilience, Optional<S3Settings> s3) {
        ServerConfig base = TestServer.config(TestDatabases.TestDirs.fresh("providers"), Optional.of(TestDatabases.freshDatabase()));
        return TestServer.start(base.withJobs(jobs, resilience).withProviders(providers).withS3(s3));
    }

    public static TestServer start(RemoteProviderSettings providers, Duration timeout) {
        return start(providers, jobs(Duration.ofMillis(200), timeout), patientBreaker(Duration.ofSeconds(30)), Optional.empty());
    }

    public static RemoteProviderSettings only(ReplicateSettings replicate) {
        return new RemoteProviderSettings(Optional.of(replicate), Optional.empty(), Optional.empty());
    }

    public static RemoteProviderSettings only(FalSettings fal) {
        return new RemoteProviderSettings(Optional.empty(), Optional.of(fal), Optional.empty());
    }

    public static RemoteProviderSettings only(OpenRouterSettings openRouter) {
        return new RemoteProviderSettings(Optional.empty(), Optional.empty(), Optional.of(openRouter));
    }

    public static ReplicateSettings replicate(FakeReplicate fake, boolean webhooks) {
        return new ReplicateSettings(FakeReplicate.TOKEN, fake.uri(),
                webhooks ? Optional.of(URI.create(PUBLIC_URL + "/api/v1/providers/replicate/webhook")) : Optional.empty(),
                webhooks ? Optional.of(FakeReplicate.WEBHOOK_SECRET) : Optional.empty(), ReplicateSettings.DEFAULT_PRICES);
    }

    public static FalSettings fal(FakeFal fake, boolean webhooks) {
        return new FalSettings(FakeFal.KEY, fake.uri(),
                webhooks ? Optional.of(URI.create(PUBLIC_URL + "/api/v1/providers/fal/webhook")) : Optional.empty(),
                URI.create(fake.baseUrl() + "/.well-known/jwks.json"), FalSettings.DEFAULT_PRICES);
    }

    public static OpenRouterSettings openRouter(FakeOpenRouter fake) {
        return new OpenRouterSettings(FakeOpenRouter.KEY, URI.create(fake.apiBase()));
    }

    /** A webhook call's answer. */
    public record Reply(int status, JsonNode json) {
    }

    /** Posts {@code body} to the server's webhook endpoint for {@code provider}, as the provider would. */
    public static Reply postWebhook(TestServer server, String provider, String body, Map<String, String> headers) {
        Request.Builder request = new Request.Builder().url(server.baseUrl() + "/api/v1/providers/" + provider + "/webhook")
                .post(RequestBody.create(body, MediaType.get("application/json")));
        headers.forEach(request::header);
        try (Response response = HTTP.newCall(request.build()).execute()) {
            String text = response.body().string();
            return new Reply(response.code(), text.isEmpty() ? null : new ObjectMapper().readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kinds of the user's ledger rows for one generation, oldest first. */
    public static List<String> ledgerKinds(ApiClient user, String generationId) {
        List<String> kinds = new ArrayList<>();
        for (JsonNode row : user.get("/api/v1/credits/ledger?limit=100").json().path("items")) {
            if (row.path("reference").asText().equals("generation:" + generationId)) {
                kinds.add(0, row.path("kind").asText());
            }
        }
        return kinds;
    }

    /** The job ended FAILED with {@code code} and a readable reason, and was refunded: balance back to {@code credits}, ledger DEBIT then REFUND. */
    public static void assertFailedAndRefunded(ApiClient user, String generationId, JsonNode done, String code, int credits) {
        assertThat(done.get("status").asText()).isEqualTo("FAILED");
        assertThat(done.path("error").path("code").asText()).isEqualTo(code);
        assertThat(done.path("error").path("message").asText()).isNotBlank();
        assertThat(done.get("refunded").asBoolean()).isTrue();
        assertThat(Studio.credits(user)).isEqualTo(credits);
        assertThat(ledgerKinds(user, generationId)).containsExactly("DEBIT", "REFUND");
    }
}
