package com.pixfino.studio.core.net;

import static com.pixfino.studio.core.testsupport.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.model.api.apikeys.ApiKeyList;
import com.pixfino.model.api.apikeys.ApiKeyScope;
import com.pixfino.model.api.apikeys.CreateApiKeyRequest;
import com.pixfino.model.api.apikeys.CreatedApiKey;
import com.pixfino.model.api.webhooks.CreateWebhookRequest;
import com.pixfino.model.api.webhooks.CreatedWebhook;
import com.pixfino.model.api.webhooks.WebhookDeliveryList;
import com.pixfino.model.api.webhooks.WebhookList;
import com.pixfino.studio.core.testsupport.CannedServerTest;
import com.pixfino.studio.core.testsupport.HealthResponses;
import java.util.List;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The API key and webhook calls (issue 11), against canned answers in the server's shapes. */
class ApiAccessClientTest extends CannedServerTest {

    private static final UUID ID = UUID.fromString("0b4c8f0e-1f6e-4b43-9a3c-2f3d5d0f7a11");

    @Test
    void aKeyIsCreatedListedAndRevoked() throws Exception {
        server.enqueue(HealthResponses.json(
                201,
                "{\"id\":\"" + ID
                        + "\",\"name\":\"nightly\",\"prefix\":\"ab12cd34\",\"scopes\":[\"read\",\"generate\"],"
                        + "\"createdAt\":\"2026-11-27T22:00:00Z\",\"key\":\"pxf_ab12cd34secret\"}"));
        server.enqueue(HealthResponses.json(
                200,
                "{\"items\":[{\"id\":\"" + ID + "\",\"name\":\"nightly\",\"prefix\":\"ab12cd34\",\"scopes\":[\"read\"],"
                        + "\"createdAt\":\"2026-11-27T22:00:00Z\",\"lastUsedAt\":null}]}"));
        server.enqueue(new MockResponse.Builder().code(204).build());

        CreatedApiKey created =
                api().createApiKey(new CreateApiKeyRequest("nightly", List.of(ApiKeyScope.READ, ApiKeyScope.GENERATE)));
        ApiKeyList list = api().apiKeys();
        api().revokeApiKey(ID);

        assertThat(created.key()).isEqualTo("pxf_ab12cd34secret");
        assertThat(created.scopes()).containsExactly(ApiKeyScope.READ, ApiKeyScope.GENERATE);
        assertThat(list.items()).singleElement().satisfies(k -> {
            assertThat(k.prefix()).isEqualTo("ab12cd34");
            assertThat(k.lastUsedAt()).isNull();
        });
        RecordedRequest create = server.takeRequest();
        assertThat(create.getMethod()).isEqualTo("POST");
        assertThat(create.getUrl().encodedPath()).isEqualTo("/api/v1/api-keys");
        assertThat(create.getBody().utf8()).isEqualTo("{\"name\":\"nightly\",\"scopes\":[\"read\",\"generate\"]}");
        assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
        RecordedRequest revoke = server.takeRequest();
        assertThat(revoke.getMethod()).isEqualTo("DELETE");
        assertThat(revoke.getUrl().encodedPath()).isEqualTo("/api/v1/api-keys/" + ID);
        assertThat(revoke.getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
    }

    @Test
    void refusalsKeepTheServersCodeAndSentence() {
        server.enqueue(HealthResponses.json(
                409, "{\"error\":{\"code\":\"conflict\",\"message\":\"You have 10 active keys: revoke one first.\"}}"));
        server.enqueue(HealthResponses.json(
                400, "{\"error\":{\"code\":\"invalid_url\",\"message\":\"The URL must use https.\"}}"));

        assertThatThrownBy(() -> api().createApiKey(new CreateApiKeyRequest("x", List.of(ApiKeyScope.READ))))
                .isInstanceOfSatisfying(CompanionApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("revoke one first");
                });
        assertRefused(
                () -> api().createWebhook(new CreateWebhookRequest("http://x", List.of("generation.completed"))),
                400,
                "invalid_url");
    }

    @Test
    void webhooksAreCreatedListedPingedAndTheirDeliveriesRead() throws Exception {
        server.enqueue(HealthResponses.json(
                201,
                "{\"id\":\"" + ID + "\",\"url\":\"https://hooks.example.com/px\",\"events\":[\"generation.completed\"],"
                        + "\"createdAt\":\"2026-11-27T22:00:00Z\",\"secret\":\"whsec_c2VjcmV0\"}"));
        server.enqueue(
                HealthResponses.json(
                        200,
                        "{\"items\":[{\"id\":\"" + ID + "\",\"url\":\"https://hooks.example.com/px\",\"events\":"
                                + "[\"generation.completed\"],\"createdAt\":\"2026-11-27T22:00:00Z\","
                                + "\"disabledAt\":\"2026-11-27T22:30:00Z\",\"disabledReason\":\"Failed 50 times in a row\"}]}"));
        server.enqueue(HealthResponses.json(202, "{\"webhookId\":\"msg_1\"}"));
        server.enqueue(HealthResponses.json(
                200,
                "{\"items\":[{\"attemptedAt\":\"2026-11-27T22:01:00Z\",\"event\":\"ping\",\"webhookId\":\"msg_1\","
                        + "\"statusCode\":null,\"attempt\":1,\"error\":\"timeout\"}]}"));
        server.enqueue(new MockResponse.Builder().code(204).build());

        CreatedWebhook created = api().createWebhook(
                        new CreateWebhookRequest("https://hooks.example.com/px", List.of("generation.completed")));
        WebhookList list = api().webhooks();
        String ping = api().pingWebhook(ID).webhookId();
        WebhookDeliveryList deliveries = api().webhookDeliveries(ID);
        api().deleteWebhook(ID);

        assertThat(created.secret()).isEqualTo("whsec_c2VjcmV0");
        assertThat(list.items())
                .singleElement()
                .satisfies(w -> assertThat(w.disabledReason()).isEqualTo("Failed 50 times in a row"));
        assertThat(ping).isEqualTo("msg_1");
        assertThat(deliveries.items()).singleElement().satisfies(d -> {
            assertThat(d.statusCode()).isNull();
            assertThat(d.error()).isEqualTo("timeout");
        });
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/webhooks");
        assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
        RecordedRequest pinged = server.takeRequest();
        assertThat(pinged.getMethod()).isEqualTo("POST");
        assertThat(pinged.getUrl().encodedPath()).isEqualTo("/api/v1/webhooks/" + ID + "/test");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/webhooks/" + ID + "/deliveries");
        RecordedRequest deleted = server.takeRequest();
        assertThat(deleted.getMethod()).isEqualTo("DELETE");
        assertThat(deleted.getUrl().encodedPath()).isEqualTo("/api/v1/webhooks/" + ID);
    }
}
