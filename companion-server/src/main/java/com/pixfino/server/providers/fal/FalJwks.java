package com.pixfino.server.providers.fal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fal's webhook signing keys (a JWKS of Ed25519 "OKP" keys), fetched once and cached for a day; fetched
 * again early when no cached key verifies, at most once a minute, so a key rotation is picked up.
 */
final class FalJwks {

    private static final Logger log = LoggerFactory.getLogger(FalJwks.class);
    private static final Duration MAX_AGE = Duration.ofHours(24);
    private static final Duration MIN_REFRESH = Duration.ofMinutes(1);
    // DER header of an X.509 SubjectPublicKeyInfo for Ed25519 (OID 1.3.101.112), followed by the 32 raw key bytes
    private static final byte[] ED25519_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
    };

    private final URI url;
    private final OkHttpClient http;
    private final ObjectMapper mapper;
    private final Clock clock;
    private List<PublicKey> keys = List.of();
    private Instant fetchedAt = Instant.EPOCH;

    FalJwks(URI url, OkHttpClient http, ObjectMapper mapper, Clock clock) {
        this.url = url;
        this.http = http;
        this.mapper = mapper;
        this.clock = clock;
    }

    synchronized List<PublicKey> keys() {
        if (fetchedAt.plus(MAX_AGE).isBefore(clock.instant())) {
            fetch();
        }
        return keys;
    }

    /** Fetches again unless the keys are younger than a minute; true when it did. */
    synchronized boolean refresh() {
        if (fetchedAt.plus(MIN_REFRESH).isAfter(clock.instant())) {
            return false;
        }
        fetch();
        return true;
    }

    private void fetch() {
        try (Response response = http.newCall(
                        new Request.Builder().url(url.toString()).get().build())
                .execute()) {
            if (!response.isSuccessful()) {
                log.warn("event=jwks_fetch_failed provider=fal status={}", response.code());
                return;
            }
            keys = parse(mapper.readTree(response.body().string()));
            fetchedAt = clock.instant();
            log.info("event=jwks_fetched provider=fal keys={}", keys.size());
        } catch (IOException | RuntimeException e) {
            log.warn("event=jwks_fetch_failed provider=fal message={}", e.getMessage());
        }
    }

    static List<PublicKey> parse(JsonNode jwks) {
        List<PublicKey> parsed = new ArrayList<>();
        for (JsonNode key : jwks.path("keys")) {
            if (!"OKP".equals(key.path("kty").asText())
                    || !"Ed25519".equals(key.path("crv").asText())) {
                continue;
            }
            try {
                byte[] raw = Base64.getUrlDecoder().decode(key.path("x").asText(""));
                if (raw.length != 32) {
                    continue;
                }
                byte[] der = new byte[ED25519_PREFIX.length + raw.length];
                System.arraycopy(ED25519_PREFIX, 0, der, 0, ED25519_PREFIX.length);
                System.arraycopy(raw, 0, der, ED25519_PREFIX.length, raw.length);
                parsed.add(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
            } catch (IllegalArgumentException | GeneralSecurityException e) {
                log.warn(
                        "event=jwks_key_skipped provider=fal kid={}",
                        key.path("kid").asText(""));
            }
        }
        return List.copyOf(parsed);
    }
}
