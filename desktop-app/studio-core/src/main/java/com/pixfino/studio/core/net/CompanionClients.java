package com.pixfino.studio.core.net;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** Makes {@link CompanionClient}s that share one connection pool; closes it on exit. */
public final class CompanionClients implements AutoCloseable {

    private final OkHttpClient http;
    private final ObjectMapper json;
    private final UiThreadGuard guard;

    public CompanionClients(OkHttpClient http, ObjectMapper json, UiThreadGuard guard) {
        this.http = http;
        this.json = json;
        this.guard = guard;
    }

    /** Short timeouts: a local server answers in milliseconds, and people wait on the answer. */
    public static CompanionClients withDefaults(ObjectMapper json, UiThreadGuard guard) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(20))
                .build();
        return new CompanionClients(http, json, guard);
    }

    public CompanionClient forServer(ServerUrl server) {
        return new CompanionClient(http, json, guard, server);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
