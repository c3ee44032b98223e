package com.pixfino.server.accounts;

import com.pixfino.server.domain.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An email as logs and rate limits name it: the first 16 hex digits of the SHA-256 of the trimmed, lower-cased
 * address. Repeated attempts on one address stay recognisable without the address being written down.
 */
final class EmailHash {

    private EmailHash() {}

    static String of(String email) {
        String normalized = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        byte[] digest = Sha256.digest(normalized.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }
}
