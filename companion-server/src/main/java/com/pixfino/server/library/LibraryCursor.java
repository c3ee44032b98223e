package com.pixfino.server.library;

import com.pixfino.server.domain.CursorKey;
import com.pixfino.server.domain.PageCursor;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A position in one user's change feed, opaque to clients: the {@code (change_xid, version)} of the last row served,
 * whose cursor it is, and {@code since}, the time from which the client's copy is complete (the start of its first
 * sync, then the time of each page that left nothing more to fetch). A cursor whose {@code since} is older than the
 * tombstone window may have missed tombstones that were purged meanwhile: the feed answers {@code resetRequired}.
 *
 * <p>Signed: a fifth field holds an HMAC-SHA256 (cut to 16 bytes, hex) of the four others under the database's
 * {@link CursorKey}, so a client can neither move the position nor edit {@code since} to dodge a reset.
 */
record LibraryCursor(UUID userId, long xid, long version, Instant since) {

    /** The position before every change: a first sync. */
    static LibraryCursor start(UUID userId, Instant now) {
        return new LibraryCursor(userId, 0, 0, now);
    }

    String encode(CursorKey key) {
        String[] fields = {
            userId.toString(), Long.toString(xid), Long.toString(version), Long.toString(since.toEpochMilli())
        };
        String tag = HexFormat.of().formatHex(key.tag(PageCursor.encode(fields)));
        return PageCursor.encode(fields[0], fields[1], fields[2], fields[3], tag);
    }

    /**
     * @throws IllegalArgumentException when the text is not a cursor {@link #encode} made with this key, or names impossible
     *                                  values (the caller then checks it against the database and the clock)
     */
    static LibraryCursor decode(String cursor, CursorKey key) {
        List<String> fields = PageCursor.decode(cursor, 5);
        String tag = fields.get(4);
        if (tag.length() != CursorKey.TAG_BYTES * 2
                || !tag.equals(tag.toLowerCase(java.util.Locale.ROOT))
                || !key.verifies(
                        PageCursor.encode(fields.subList(0, 4).toArray(String[]::new)),
                        HexFormat.of().parseHex(tag))) {
            throw new IllegalArgumentException("not signed by this database");
        }
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
