package com.pixfino.server.providers.replicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.server.ServerApp;
import com.pixfino.server.providers.WebhookRejectedException;
import com.pixfino.server.testsupport.fakes.FakeReplicate;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replicate's webhook signatures: HMAC-SHA256 of id.timestamp.body under the whsec_ secret, fresh within 300 s. */
class ReplicateWebhookTest {

    private static final String BODY =
            "{\"id\":\"ufawqhfynnddngldkgtslldrkq\",\"status\":\"succeeded\",\"output\":[\"https://replicate.delivery/x/out.jpg\"]}";
    private final ReplicateWebhook webhook =
            new ReplicateWebhook(FakeReplicate.WEBHOOK_SECRET, ServerApp.objectMapper(), Clock.systemUTC());

    @Test
    void aGoodSignatureNamesThePrediction() {
        assertThat(webhook.verify(
                        FakeReplicate.signedHeaders(BODY, Instant.now(), FakeReplicate.WEBHOOK_SECRET), bytes(BODY)))
                .isEqualTo("ufawqhfynnddngldkgtslldrkq");
    }

    @Test
    void aSignatureUnderAnotherSecretIsRefused() {
        String other = "whsec_"
                + java.util.Base64.getEncoder()
                        .encodeToString("another-secret-another-secret-!!".getBytes(StandardCharsets.UTF_8));
        assertRejected(FakeReplicate.signedHeaders(BODY, Instant.now(), other), BODY, "invalid_signature");
    }

    @Test
    void aChangedBodyIsRefused() {
        Map<String, String> headers = FakeReplicate.signedHeaders(BODY, Instant.now(), FakeReplicate.WEBHOOK_SECRET);
        assertRejected(headers, BODY.replace("succeeded", "failed"), "invalid_signature");
    }

    @Test
    void aStaleOrFutureTimestampIsRefused() {
        assertRejected(
                FakeReplicate.signedHeaders(BODY, Instant.now().minusSeconds(301), FakeReplicate.WEBHOOK_SECRET),
                BODY,
                "stale_webhook");
        assertRejected(
                FakeReplicate.signedHeaders(BODY, Instant.now().plusSeconds(400), FakeReplicate.WEBHOOK_SECRET),
                BODY,
                "stale_webhook");
    }

    @Test
    void missingHeadersAreRefused() {
        Map<String, String> headers =
                new HashMap<>(FakeReplicate.signedHeaders(BODY, Instant.now(), FakeReplicate.WEBHOOK_SECRET));
        headers.remove("webhook-signature");
        assertRejected(headers, BODY, "missing_signature");
    }

    @Test
    void aSecretWithoutItsPrefixIsNotASecret() {
        assertThatThrownBy(() -> ReplicateWebhook.decodeSecret("c2VjcmV0"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertRejected(Map<String, String> headers, String body, String code) {
        assertThatThrownBy(() -> webhook.verify(headers, bytes(body)))
                .isInstanceOfSatisfying(
                        WebhookRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(code));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
