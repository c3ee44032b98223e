package com.pixfino.studio.net;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** Makes {@link CompanionClient}s that share one connection pool; closes it on exit. */
public final class CompanionClients implements AutoCloseable {

    private final OkHttpClient http;
    private final ObjectMapper json;

    public CompanionClients(OkHttpClient http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    /** Short timeouts: a local server answers in milliseconds, and people wait on the answer. */
    public static CompanionClients withDefaults(ObjectMapper json) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(20))
                .build();
        return new CompanionClients(http, json);
    }

    public CompanionClient forServer(ServerUrl server) {
        return new CompanionClient(http, json, server);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
