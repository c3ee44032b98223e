package com.pixfino.server.generation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

/** Keyset position in a newest-first list: the creation time and id of the last item seen, opaque to clients. */
record GenerationCursor(OffsetDateTime createdAt, UUID id) {

    String encode() {
        Instant instant = createdAt.toInstant();
        String raw = instant.getEpochSecond() + ":" + instant.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws RuntimeException when the text is not a cursor {@link #encode()} made */
    static GenerationCursor decode(String cursor) {
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
        Instant instant = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        return new GenerationCursor(instant.atOffset(ZoneOffset.UTC), UUID.fromString(parts[2]));
    }
}
