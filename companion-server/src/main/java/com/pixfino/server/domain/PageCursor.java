package com.pixfino.server.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text of a page cursor: a version and the position's fields, each base64url-encoded, e.g. {@code 1.MTcw.YWJj}.
 * List cursors are not signed: {@link #decode} is strict about the shape and each list range-checks the values it
 * reads back, so a forged cursor can only name a position in the caller's own list, never a value the database cannot
 * hold. The library's change feed adds a signature field (see {@code library.LibraryCursor}), since an edited cursor
 * there could skip a reset.
 */
public final class PageCursor {

    /** Longer than any cursor a list hands out (the longest holds a 320-character email). */
    public static final int MAX_LENGTH = 512;

    private static final String VERSION = "1";
    private static final Pattern SHAPE = Pattern.compile("1(\\.[A-Za-z0-9_-]*)+");

    private PageCursor() {}

    public static String encode(String... fields) {
        StringBuilder cursor = new StringBuilder(VERSION);
        for (String field : fields) {
            cursor.append('.')
                    .append(Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(field.getBytes(StandardCharsets.UTF_8)));
        }
        return cursor.toString();
    }

    /**
     * The {@code count} fields of a cursor {@link #encode} made.
     *
     * @throws IllegalArgumentException for anything else: another shape, count or version, bad base64, bad UTF-8, or a
     *                                  field {@link Text#line} refuses
     */
    public static List<String> decode(String cursor, int count) {
        if (cursor.length() > MAX_LENGTH || !SHAPE.matcher(cursor).matches()) {
            throw new IllegalArgumentException("not a cursor");
        }
        String[] parts = cursor.split("\\.", -1);
        if (parts.length != count + 1) {
            throw new IllegalArgumentException("wrong field count");
        }
        List<String> fields = new ArrayList<>(count);
        for (int i = 1; i < parts.length; i++) {
            String field = utf8(Base64.getUrlDecoder().decode(parts[i]));
            Text.line("cursor", field);
            fields.add(field);
        }
        return fields;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
    }
}
