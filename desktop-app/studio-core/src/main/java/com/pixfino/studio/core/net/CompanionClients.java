package com.pixfino.studio.core.net;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.studio.core.concurrent.Lazy;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import java.time.Duration;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/** Makes {@link CompanionClient}s that share one connection pool; closes it on exit. */
public final class CompanionClients implements AutoCloseable {

    private final Lazy<OkHttpClient> http;
    private final ObjectMapper json;
    private final UiThreadGuard guard;

    public CompanionClients(OkHttpClient http, ObjectMapper json, UiThreadGuard guard) {
        this(() -> http, json, guard);
    }

    private CompanionClients(Supplier<OkHttpClient> http, ObjectMapper json, UiThreadGuard guard) {
        this.http = Lazy.of(http);
        this.json = json;
        this.guard = guard;
    }

    /**
     * Short timeouts: a local server answers in milliseconds, and people wait on the answer. The client itself is
     * made by the first request (OkHttp and Kotlin's start-up take a quarter of a second the window need not wait for).
     */
    public static CompanionClients withDefaults(ObjectMapper json, UiThreadGuard guard) {
        return new CompanionClients(
                () -> new OkHttpClient.Builder()
                        .connectTimeout(Duration.ofSeconds(3))
                        .readTimeout(Duration.ofSeconds(10))
                        .callTimeout(Duration.ofSeconds(20))
                        .build(),
                json,
                guard);
    }

    public CompanionClient forServer(ServerUrl server) {
        return new CompanionClient(http.get(), json, guard, server);
    }

    @Override
    public void close() {
        http.ifMade().ifPresent(client -> {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        });
    }
}
