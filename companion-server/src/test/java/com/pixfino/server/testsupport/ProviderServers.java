package com.pixfino.server.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.ApiPaths;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
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

    private ProviderServers() {}

    /** Jobs poll every 200 ms and time out after {@code timeout}. */
    public static JobSettings jobs(Duration pollInterval, Duration timeout) {
        return new JobSettings(pollInterval, timeout, Duration.ofMillis(100), Duration.ofSeconds(1), 4);
    }

    /** Two attempts per call, short backoff, and a breaker that would need 50 failures in a row to open. */
    public static ResilienceSettings patientBreaker(Duration callTimeout) {
        return new ResilienceSettings(50, Duration.ofSeconds(60), 2, Duration.ofMillis(20), callTimeout);
    }

    public static TestServer start(
            RemoteProviderSettings providers,
            JobSettings jobs,
            ResilienceSettings resilience,
            Optional<S3Settings> s3) {
        ServerConfig base = TestServer.freshConfig("providers");
        return TestServer.start(
                base.withJobs(jobs, resilience).withProviders(providers).withS3(s3));
    }

    public static TestServer start(RemoteProviderSettings providers, Duration timeout) {
        return start(
                providers,
                jobs(Duration.ofMillis(200), timeout),
                patientBreaker(Duration.ofSeconds(30)),
                Optional.empty());
    }

    /** Jobs as {@link #start(RemoteProviderSettings, Duration)} with 30 s, but two failed calls in a row open a breaker for {@code open}. */
    public static TestServer startQuickToTrip(RemoteProviderSettings providers, Duration open) {
        return start(
                providers,
                jobs(Duration.ofMillis(200), Duration.ofSeconds(30)),
                new ResilienceSettings(2, open, 2, Duration.ofMillis(20), Duration.ofSeconds(30)),
                Optional.empty());
    }

    /** Jobs poll only every 60 s here: a job that finishes within seconds was finished by its webhook. */
    public static TestServer startWebhookDriven(RemoteProviderSettings providers) {
        return start(
                providers,
                jobs(Duration.ofSeconds(60), Duration.ofMinutes(5)),
                patientBreaker(Duration.ofSeconds(30)),
                Optional.empty());
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
        return new ReplicateSettings(
                FakeReplicate.TOKEN,
                fake.uri(),
                webhooks ? Optional.of(webhookUrl("replicate")) : Optional.empty(),
                webhooks ? Optional.of(FakeReplicate.WEBHOOK_SECRET) : Optional.empty(),
                ReplicateSettings.DEFAULT_PRICES);
    }

    public static FalSettings fal(FakeFal fake, boolean webhooks) {
        return new FalSettings(
                FakeFal.KEY,
                fake.uri(),
                webhooks ? Optional.of(webhookUrl("fal")) : Optional.empty(),
                URI.create(fake.baseUrl() + "/.well-known/jwks.json"),
                FalSettings.DEFAULT_PRICES);
    }

    public static OpenRouterSettings openRouter(FakeOpenRouter fake) {
        return new OpenRouterSettings(FakeOpenRouter.KEY, URI.create(fake.apiBase()));
    }

    /** Where {@code provider} is told to send its webhooks. */
    public static URI webhookUrl(String provider) {
        return URI.create(PUBLIC_URL + webhookPath(provider));
    }

    private static String webhookPath(String provider) {
        return ApiPaths.PREFIX + "/providers/" + provider + "/webhook";
    }

    /** A webhook call's answer. */
    public record Reply(int status, JsonNode json) {}

    /** Posts {@code body} to the server's webhook endpoint for {@code provider}, as the provider would. */
    public static Reply postWebhook(TestServer server, String provider, String body, Map<String, String> headers) {
        Request.Builder request = new Request.Builder()
                .url(server.baseUrl() + webhookPath(provider))
                .post(RequestBody.create(body, MediaType.get("application/json")));
        headers.forEach(request::header);
        try (Response response = HTTP.newCall(request.build()).execute()) {
            String text = response.body().string();
            return new Reply(response.code(), text.isEmpty() ? null : new ObjectMapper().readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
