package com.pixfino.server.providers.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.server.providers.WebhookReceiver;
import com.pixfino.server.providers.WebhookRejectedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replicate's signed webhooks (the Standard Webhooks scheme): HMAC-SHA256 over
 * {@code webhook-id.webhook-timestamp.body} with the base64 key after {@code whsec_}; any {@code v1,}
 * entry of {@code webhook-signature} may match.
 */
public final class ReplicateWebhook implements WebhookReceiver {

    private final byte[] key;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ReplicateWebhook(String secret, ObjectMapper mapper, Clock clock) {
        this.key = decodeSecret(secret);
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The key bytes of a {@code whsec_<base64>} secret. */
    public static byte[] decodeSecret(String secret) {
        if (secret == null || !secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("a Replicate webhook secret starts with whsec_");
        }
        return Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    @Override
    public String verify(Map<String, String> headers, byte[] body) {
        String id = headers.get("webhook-id");
        String timestamp = headers.get("webhook-timestamp");
        String signatures = headers.get("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            throw new WebhookRejectedException(
                    "missing_signature",
                    "The webhook-id, webhook-timestamp and webhook-signature headers are required.");
        }
        WebhookReceiver.checkFresh(timestamp, "webhook-timestamp", clock);
        byte[] expected = sign(id + "." + timestamp + ".", body);
        for (String entry : signatures.trim().split("\\s+")) {
            if (entry.startsWith("v1,") && MessageDigest.isEqual(expected, decode(entry.substring(3)))) {
                return predictionId(body);
            }
        }
        throw new WebhookRejectedException("invalid_signature", "The webhook signature does not match.");
    }

    private byte[] sign(String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private String predictionId(byte[] body) {
        try {
            JsonNode prediction = mapper.readTree(body);
            String id = prediction == null ? "" : prediction.path("id").asText("");
            if (id.isEmpty()) {
                throw new WebhookRejectedException("malformed_webhook", "The webhook body names no prediction.");
            }
            return id;
        } catch (IOException e) {
            throw new WebhookRejectedException("malformed_webhook", "The webhook body is not JSON.");
        }
    }
}
