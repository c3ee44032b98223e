package com.pixfino.studio.net;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import javafx.application.Platform;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** HTTP client of one companion server. Blocking: call it through the TaskExecutor. */
public final class CompanionClient {

    private final OkHttpClient http;
    private final ObjectMapper json;
    private final ServerUrl server;

    public CompanionClient(OkHttpClient http, ObjectMapper json, ServerUrl server) {
        this.http = http;
        this.json = json;
        this.server = server;
    }

    public ServerUrl server() {
        return server;
    }

    /** GET /health; a 503 still carries a {@link HealthStatus} (the server is up, its database is not). */
    public HealthStatus health() throws IOException {
        refuseUiThread();
        Request request = new Request.Builder().url(server.resolve("health")).get().build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() != 200 && response.code() != 503) {
                throw new CompanionHttpException(response.code(), "GET /health answered HTTP " + response.code());
            }
            return parse(response);
        }
    }

    private HealthStatus parse(Response response) throws IOException {
        String body = response.body().string();
        HealthStatus status;
        try {
            status = json.readValue(body, HealthStatus.class);
        } catch (JacksonException e) {
            throw new CompanionHttpException(response.code(), "GET /health answered something that is not JSON");
        }
        if (status == null || status.status() == null) {
            throw new CompanionHttpException(response.code(), "GET /health answered without a status");
        }
        return status;
    }

    // A blocking call on the JavaFX thread freezes the window; fail loudly instead of quietly.
    private static void refuseUiThread() {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException(
                    "CompanionClient does network I/O and must not run on the JavaFX thread; use the TaskExecutor");
        }
    }
}
