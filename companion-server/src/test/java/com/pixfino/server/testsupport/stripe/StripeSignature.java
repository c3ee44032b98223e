package com.pixfino.server.testsupport.stripe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Stripe's webhook signature: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload" keyed by the secret>}. */
public final class StripeSignature {

    private StripeSignature() {}

    public static String header(String payload, String secret, long timestampSeconds) {
        return "t=" + timestampSeconds + ",v1=" + hmac(timestampSeconds + "." + payload, secret);
    }

    public static String hmac(String signed, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
