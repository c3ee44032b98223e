package com.pixfino.studio.core.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Canned answers of the companion server's /health endpoint, as the server spec describes them. */
public final class HealthResponses {

    public static final String OK_BODY = "{\"status\":\"ok\",\"database\":\"ok\",\"version\":\"0.1.0\"}";
    public static final String DEGRADED_BODY = "{\"status\":\"degraded\",\"database\":\"down\"}";

    private HealthResponses() {}

    public static MockResponse ok() {
        return json(200, OK_BODY);
    }

    public static MockResponse degraded() {
        return json(503, DEGRADED_BODY);
    }

    public static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    /** Answers every /health request as healthy, however often the studio asks. */
    public static Dispatcher alwaysOk() {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return "/health".equals(request.getUrl().encodedPath()) ? ok() : json(404, "{}");
            }
        };
    }

    /** A port nobody listens on (free a moment ago), for "connection refused". */
    public static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
