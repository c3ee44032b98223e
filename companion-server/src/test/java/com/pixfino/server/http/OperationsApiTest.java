package com.pixfino.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OperationsApiTest {

    private static TestServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthChecksTheDatabaseWithoutAuth() {
        Answer health = api.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("ok");
        assertThat(health.json().get("database").asText()).isEqualTo("ok");
    }

    @Test
    void metricsArePrometheusTextWithRequestTimings() {
        api.get("/api/v1/presets");
        Answer metrics = api.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body()).contains("jvm_memory_used_bytes")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/presets\",status=\"200\"}");
    }

    @Test
    void openApiDocumentDescribesTheContract() {
        Answer doc = api.get("/openapi.json");
        assertThat(doc.status()).isEqualTo(200);
        var paths = doc.json().get("paths");
        assertThat(paths.has("/api/v1/auth/register")).isTrue();
        assertThat(paths.path("/api/v1/auth/register").has("post")).isTrue();
        assertThat(paths.has("/api/v1/presets")).isTrue();
        assertThat(paths.has("/api/v1/uploads")).isTrue();
        assertThat(paths.has("/api/v1/admin/users/{id}/credits")).isTrue();
        assertThat(doc.json().path("components").path("schemas").has("AuthResponse")).isTrue();
    }

    @Test
    void swaggerUiPageIsServed() {
        Answer page = api.get("/swagger");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("swagger");
    }
}
