package com.pixfino.server.library;

import com.pixfino.server.domain.PageCursor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A position in one user's change feed, opaque to clients: the {@code (change_xid, version)} of the last row served,
 * whose cursor it is, and {@code since}, the time from which the client's copy is complete (the start of its first
 * sync, then the time of each page that left nothing more to fetch). A cursor whose {@code since} is older than the
 * tombstone window may have missed tombstones that were purged meanwhile: the feed answers {@code resetRequired}.
 */
record LibraryCursor(UUID userId, long xid, long version, Instant since) {

    /** The position before every change: a first sync. */
    static LibraryCursor start(UUID userId, Instant now) {
        return new LibraryCursor(userId, 0, 0, now);
    }

    String encode() {
        return PageCursor.encode(
                userId.toString(), Long.toString(xid), Long.toString(version), Long.toString(since.toEpochMilli()));
    }

    /**
     * @throws IllegalArgumentException when the text is not a cursor {@link #encode()} made, or names impossible
     *                                  values (the caller then checks it against the database and the clock)
     */
    static LibraryCursor decode(String cursor) {
        List<String> fields = PageCursor.decode(cursor, 4);
        UUID userId = UUID.fromString(fields.get(0));
        if (!userId.toString().equals(fields.get(0))) {
            throw new IllegalArgumentException("not a canonical id");
        }
        long xid = canonicalLong(fields.get(1));
        long version = canonicalLong(fields.get(2));
        long since = canonicalLong(fields.get(3));
        return new LibraryCursor(userId, xid, version, Instant.ofEpochMilli(since));
    }

    private static long canonicalLong(String text) {
        long value = Long.parseLong(text);
        if (value < 0 || !Long.toString(value).equals(text)) {
            throw new IllegalArgumentException("not a canonical number");
        }
        return value;
    }
}
