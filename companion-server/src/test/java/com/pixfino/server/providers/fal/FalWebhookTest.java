package com.pixfino.server.providers.fal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.server.ServerApp;
import com.pixfino.server.providers.WebhookRejectedException;
import com.pixfino.server.testsupport.fakes.FakeFal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** fal's webhook signatures: Ed25519 over request id, user id, timestamp and the body's SHA-256, keys from the JWKS. */
class FalWebhookTest {

    @AutoClose
    private static final FakeFal fake = new FakeFal();

    private static final FalWebhook webhook = new FalWebhook(
            URI.create(fake.baseUrl() + "/.well-known/jwks.json"),
            new OkHttpClient(),
            ServerApp.objectMapper(),
            Clock.systemUTC());
    private static final String BODY =
            "{\"request_id\":\"req-1\",\"status\":\"OK\",\"payload\":{\"video\":{\"url\":\"https://v3.fal.media/x.mp4\"}}}";

    @Test
    void aGoodSignatureNamesTheRequestAndTheKeysAreCached() {
        assertThat(webhook.verify(lower(fake.signedHeaders("req-1", BODY, Instant.now(), false)), bytes(BODY)))
                .isEqualTo("req-1");
        assertThat(webhook.verify(lower(fake.signedHeaders("req-1", BODY, Instant.now(), false)), bytes(BODY)))
                .isEqualTo("req-1");

        assertThat(fake.jwksFetches()).isEqualTo(1);
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        assertRejected(lower(fake.signedHeaders("req-1", BODY, Instant.now(), true)), BODY, "invalid_signature");
    }

    @Test
    void aChangedBodyOrRequestIdIsRefused() {
        Map<String, String> headers = lower(fake.signedHeaders("req-1", BODY, Instant.now(), false));
        assertRejected(headers, BODY.replace("OK", "ERROR"), "invalid_signature");
        Map<String, String> otherRequest = new HashMap<>(headers);
        otherRequest.put("x-fal-webhook-request-id", "req-2");
        assertRejected(otherRequest, BODY, "invalid_signature");
    }

    @Test
    void aStaleTimestampIsRefused() {
        assertRejected(
                lower(fake.signedHeaders("req-1", BODY, Instant.now().minusSeconds(301), false)),
                BODY,
                "stale_webhook");
    }

    @Test
    void missingOrNonHexSignaturesAreRefused() {
        Map<String, String> headers = lower(fake.signedHeaders("req-1", BODY, Instant.now(), false));
        Map<String, String> notHex = new HashMap<>(headers);
        notHex.put("x-fal-webhook-signature", "zz-not-hex");
        assertRejected(notHex, BODY, "invalid_signature");
        Map<String, String> missing = new HashMap<>(headers);
        missing.remove("x-fal-webhook-user-id");
        assertRejected(missing, BODY, "missing_signature");
    }

    private static void assertRejected(Map<String, String> headers, String body, String code) {
        assertThatThrownBy(() -> webhook.verify(headers, bytes(body)))
                .isInstanceOfSatisfying(
                        WebhookRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(code));
    }

    private static Map<String, String> lower(Map<String, String> headers) {
        Map<String, String> lower = new HashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return lower;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
