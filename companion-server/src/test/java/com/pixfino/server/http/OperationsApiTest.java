package com.pixfino.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OperationsApiTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    @Test
    void healthChecksTheDatabaseWithoutAuth() {
        Answer health = SERVER.client().get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("ok");
        assertThat(health.json().get("database").asText()).isEqualTo("ok");
    }

    @Test
    void metricsArePrometheusTextWithRequestTimings() {
        SERVER.client().get("/api/v1/presets");
        Answer metrics = SERVER.client().get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body()).contains("jvm_memory_used_bytes")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/presets\",status=\"200\"}");
    }

    @Test
    void openApiDocumentDescribesTheContract() {
        Answer doc = SERVER.client().get("/openapi.json");
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
        Answer page = SERVER.client().get("/swagger");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("swagger");
    }
}
