package com.pixfino.studio.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.testsupport.HealthResponses;
import java.net.ConnectException;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompanionClientTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final CompanionClients clients = CompanionClients.withDefaults(new ObjectMapper(), UiThreadGuard.NONE);

    @AfterEach
    void tearDown() {
        clients.close();
    }

    private CompanionClient client() {
        return clients.forServer(ServerUrl.parse(server.url("/").toString()).orElseThrow());
    }

    @Test
    void readsHealthyAnswer() throws Exception {
        server.enqueue(HealthResponses.ok());

        HealthStatus health = client().health();

        assertThat(health).isEqualTo(new HealthStatus("ok", "ok", "0.1.0"));
        assertThat(health.isOk()).isTrue();
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/health");
    }

    @Test
    void readsDegradedAnswerFrom503() throws Exception {
        server.enqueue(HealthResponses.degraded());

        HealthStatus health = client().health();

        assertThat(health.isOk()).isFalse();
        assertThat(health.database()).isEqualTo("down");
    }

    @Test
    void aServerWithAPausedProviderIsStillReachable() throws Exception {
        server.enqueue(
                HealthResponses.json(
                        200,
                        "{\"status\":\"degraded\",\"database\":\"ok\",\"version\":\"0.1.0\",\"reasons\":[\"replicate: circuit open\"]}"));

        HealthStatus health = client().health();

        assertThat(health.isOk()).isTrue();
        assertThat(health.status()).isEqualTo("degraded");
    }

    @Test
    void reportsOtherStatusCodesAndNonJsonBodies() {
        server.enqueue(HealthResponses.json(404, "<html>not found</html>"));
        server.enqueue(HealthResponses.json(200, "<html>a router login page</html>"));

        assertThatThrownBy(() -> client().health())
                .isInstanceOfSatisfying(
                        CompanionHttpException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> client().health())
                .isInstanceOf(CompanionHttpException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void reportsRefusedConnection() throws Exception {
        ServerUrl dead = ServerUrl.parse("http://127.0.0.1:" + HealthResponses.deadPort())
                .orElseThrow();

        assertThatThrownBy(() -> clients.forServer(dead).health()).isInstanceOf(ConnectException.class);
    }

    @Test
    void refusesToRunOnTheUiThreadItIsGiven() {
        try (CompanionClients guarded = CompanionClients.withDefaults(new ObjectMapper(), () -> true)) {
            CompanionClient client = guarded.forServer(
                    ServerUrl.parse(server.url("/").toString()).orElseThrow());

            assertThatThrownBy(client::health)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("UI thread");
            assertThatThrownBy(client::presets).isInstanceOf(IllegalStateException.class);
        }
        assertThat(server.getRequestCount()).isZero();
    }
}
