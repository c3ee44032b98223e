package com.pixfino.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.HealthView;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OperationsApiTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    @Test
    void healthChecksTheDatabaseWithoutAuth() {
        Answer health = SERVER.client().get(ApiPaths.HEALTH);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.as(HealthView.class).status()).isEqualTo("ok");
        assertThat(health.as(HealthView.class).database()).isEqualTo("ok");
    }

    @Test
    void metricsArePrometheusTextWithRequestTimings() {
        SERVER.client().get(ApiPaths.PRESETS);
        Answer metrics = SERVER.client().get(ApiPaths.METRICS);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("jvm_memory_used_bytes")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"" + ApiPaths.PRESETS
                        + "\",status=\"200\"}");
    }

    @Test
    void openApiDocumentDescribesTheContract() {
        Answer doc = SERVER.client().get(ApiPaths.OPENAPI);
        assertThat(doc.status()).isEqualTo(200);
        var paths = doc.json().get("paths");
        assertThat(paths.has(ApiPaths.REGISTER)).isTrue();
        assertThat(paths.path(ApiPaths.REGISTER).has("post")).isTrue();
        assertThat(paths.has(ApiPaths.PRESETS)).isTrue();
        assertThat(paths.has(ApiPaths.UPLOADS)).isTrue();
        assertThat(paths.has(ApiPaths.ADMIN_USER_CREDITS)).isTrue();
        assertThat(doc.json().path("components").path("schemas").has("AuthResponse"))
                .isTrue();
    }

    @Test
    void swaggerUiPageIsServed() {
        Answer page = SERVER.client().get("/swagger");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("swagger");
    }
}
