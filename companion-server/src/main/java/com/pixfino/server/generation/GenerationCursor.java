package com.pixfino.server.generation;

import com.pixfino.server.domain.PageCursor;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Keyset position in a newest-first list: the creation time and id of the last item seen, opaque to clients. */
record GenerationCursor(OffsetDateTime createdAt, UUID id) {

    // a creation time is after 1970 and before 10000: PostgreSQL cannot compare with most of Instant's range
    private static final long MAX_EPOCH_SECOND =
            Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    String encode() {
        Instant instant = createdAt.toInstant();
        return PageCursor.encode(
                Long.toString(instant.getEpochSecond()), Integer.toString(instant.getNano()), id.toString());
    }

    /** @throws RuntimeException when the text is not a cursor {@link #encode()} made or names an impossible time */
    static GenerationCursor decode(String cursor) {
        List<String> fields = PageCursor.decode(cursor, 3);
        long seconds = Long.parseLong(fields.get(0));
        int nanos = Integer.parseInt(fields.get(1));
        if (seconds < 0 || seconds > MAX_EPOCH_SECOND || nanos < 0 || nanos > 999_999_999) {
            throw new IllegalArgumentException("time out of range");
        }
        UUID id = UUID.fromString(fields.get(2));
        if (!id.toString().equals(fields.get(2))) {
            throw new IllegalArgumentException("not a canonical id");
        }
        return new GenerationCursor(Instant.ofEpochSecond(seconds, nanos).atOffset(ZoneOffset.UTC), id);
    }
}
