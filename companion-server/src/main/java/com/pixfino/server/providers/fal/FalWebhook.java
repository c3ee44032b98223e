package com.pixfino.server.providers.fal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.server.domain.Sha256;
import com.pixfino.server.providers.WebhookReceiver;
import com.pixfino.server.providers.WebhookRejectedException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/** fal's signed webhooks: hex Ed25519 over {@code request_id\nuser_id\ntimestamp\nhex(sha256(body))}, keys from fal's JWKS. */
public final class FalWebhook implements WebhookReceiver {

    private final FalJwks jwks;
    private final Clock clock;

    public FalWebhook(URI jwksUrl, OkHttpClient http, ObjectMapper mapper, Clock clock) {
        this.jwks = new FalJwks(jwksUrl, http, mapper, clock);
        this.clock = clock;
    }

    @Override
    public String verify(Map<String, String> headers, byte[] body) {
        String requestId = headers.get("x-fal-webhook-request-id");
        String userId = headers.get("x-fal-webhook-user-id");
        String timestamp = headers.get("x-fal-webhook-timestamp");
        String signature = headers.get("x-fal-webhook-signature");
        if (requestId == null || userId == null || timestamp == null || signature == null) {
            throw new WebhookRejectedException(
                    "missing_signature",
                    "The X-Fal-Webhook-Request-Id, -User-Id, -Timestamp and -Signature headers are required.");
        }
        WebhookReceiver.checkFresh(timestamp, "X-Fal-Webhook-Timestamp", clock);
        byte[] message = (requestId + "\n" + userId + "\n" + timestamp + "\n" + sha256Hex(body))
                .getBytes(StandardCharsets.UTF_8);
        byte[] signed = hex(signature);
        if (verifiesWithAny(jwks.keys(), message, signed)
                || (jwks.refresh() && verifiesWithAny(jwks.keys(), message, signed))) {
            return requestId;
        }
        throw new WebhookRejectedException("invalid_signature", "The webhook signature does not match fal's keys.");
    }

    private static boolean verifiesWithAny(List<PublicKey> keys, byte[] message, byte[] signed) {
        for (PublicKey key : keys) {
            try {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key);
                verifier.update(message);
                if (verifier.verify(signed)) {
                    return true;
                }
            } catch (GeneralSecurityException e) {
                // a malformed signature simply does not verify
            }
        }
        return false;
    }

    private static byte[] hex(String text) {
        try {
            return HexFormat.of().parseHex(text.trim());
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException("invalid_signature", "The webhook signature is not hex.");
        }
    }

    private static String sha256Hex(byte[] body) {
        return Sha256.hex(body);
    }
}
