package com.pixfino.server.providers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.server.providers.fal.FalProvider;
import com.pixfino.server.providers.fal.FalSettings;
import com.pixfino.server.providers.fal.FalWebhook;
import com.pixfino.server.providers.http.ProviderHttp;
import com.pixfino.server.providers.openrouter.OpenRouterProvider;
import com.pixfino.server.providers.replicate.ReplicateProvider;
import com.pixfino.server.providers.replicate.ReplicateSettings;
import com.pixfino.server.providers.replicate.ReplicateWebhook;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the configured AI provider clients and their webhook receivers around one shared HTTP client. */
public final class RemoteProviders implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RemoteProviders.class);

    private final OkHttpClient http;
    private final List<Provider> providers = new ArrayList<>();
    private final Map<String, WebhookReceiver> webhooks = new LinkedHashMap<>();

    /** @param jobTimeout how long a generation may take; Replicate is told to stop a prediction a minute after that */
    public RemoteProviders(RemoteProviderSettings settings, ObjectMapper mapper, Duration jobTimeout, Clock clock) {
        // the guard's time limit (2 min) must cut in before OkHttp gives up on its own
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(100))
                .writeTimeout(Duration.ofSeconds(60))
                .callTimeout(Duration.ofSeconds(110))
                .build();
        settings.replicate().ifPresent(replicate -> addReplicate(replicate, mapper, jobTimeout, clock));
        settings.fal().ifPresent(fal -> addFal(fal, mapper, clock));
        settings.openRouter()
                .ifPresent(openRouter -> add(
                        new OpenRouterProvider(openRouter, new ProviderHttp("OpenRouter", http, mapper, clock)),
                        false));
    }

    private void addReplicate(ReplicateSettings settings, ObjectMapper mapper, Duration jobTimeout, Clock clock) {
        add(
                new ReplicateProvider(
                        settings, new ProviderHttp("Replicate", http, mapper, clock), jobTimeout.plusMinutes(1)),
                settings.webhookUrl().isPresent());
        if (settings.webhookUrl().isPresent() && settings.webhookSecret().isPresent()) {
            webhooks.put(
                    ReplicateProvider.NAME,
                    new ReplicateWebhook(settings.webhookSecret().get(), mapper, clock));
        }
    }

    private void addFal(FalSettings settings, ObjectMapper mapper, Clock clock) {
        add(
                new FalProvider(settings, new ProviderHttp("fal.ai", http, mapper, clock)),
                settings.webhookUrl().isPresent());
        if (settings.webhookUrl().isPresent()) {
            webhooks.put(FalProvider.NAME, new FalWebhook(settings.jwksUrl(), http, mapper, clock));
        }
    }

    private void add(Provider provider, boolean webhooks) {
        providers.add(provider);
        log.info("event=provider_configured provider={} webhooks={}", provider.name(), webhooks);
    }

    /** The shared HTTP client, also used to download results into our storage. */
    public OkHttpClient http() {
        return http;
    }

    public List<Provider> providers() {
        return List.copyOf(providers);
    }

    /** Webhook receivers by provider name, for the providers that get webhooks. */
    public Map<String, WebhookReceiver> webhooks() {
        return Map.copyOf(webhooks);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
