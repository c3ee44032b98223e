package com.pixfino.server.domain;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A {@link PageCursor} whose last field is an HMAC of the others and of the list it belongs to, under the database's
 * {@link CursorKey}: a client can hand back only a cursor the list made, unedited, to the same list.
 */
public final class SignedCursor {

    private final CursorKey key;

    public SignedCursor(CursorKey key) {
        this.key = key;
    }

    /** The cursor of {@code fields} in the list named {@code list}. */
    public String encode(String list, String... fields) {
        String[] signed = Arrays.copyOf(fields, fields.length + 1);
        signed[fields.length] = HexFormat.of().formatHex(key.tag(list + ":" + PageCursor.encode(fields)));
        return PageCursor.encode(signed);
    }

    /**
     * The {@code count} fields of a cursor {@link #encode} made for {@code list}.
     *
     * @throws IllegalArgumentException for any other text, an edited cursor or one of another list
     */
    public List<String> decode(String list, String cursor, int count) {
        List<String> fields = PageCursor.decode(cursor, count + 1);
        String tag = fields.get(count);
        List<String> values = fields.subList(0, count);
        if (tag.length() != CursorKey.TAG_BYTES * 2
                || !tag.equals(tag.toLowerCase(Locale.ROOT))
                || !key.verifies(
                        list + ":" + PageCursor.encode(values.toArray(String[]::new)),
                        HexFormat.of().parseHex(tag))) {
            throw new IllegalArgumentException("not signed by this database for this list");
        }
        return List.copyOf(values);
    }

    /** A decimal {@code long} as {@link Long#toString} writes it, within {@code [min, max]}. */
    public static long canonicalLong(String text, long min, long max) {
        long value = Long.parseLong(text);
        if (value < min || value > max || !Long.toString(value).equals(text)) {
            throw new IllegalArgumentException("not a canonical number in range");
        }
        return value;
    }
}
