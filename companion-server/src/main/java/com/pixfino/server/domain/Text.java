package com.pixfino.server.domain;

/**
 * The one rule for text a request brings in (JSON strings, field names, query parameters, cursors): no control
 * characters (U+0000–U+001F, U+007F–U+009F) and no unpaired surrogates. PostgreSQL refuses NUL outright, and the
 * others corrupt logs, CSV exports and screens. Tab, line feed and carriage return are the one exception, and only
 * in multi-line text ({@link #paragraph}), where they are folded into spaces. A refusal is a 400
 * {@code invalid_text} naming the field; only metadata we must not refuse over (an upload's file name) is
 * {@link #strip stripped} instead.
 */
public final class Text {

    public static final String INVALID = "invalid_text";

    private Text() {}

    /** Refuses what no request text may hold; tab, line feed and carriage return pass (see {@link #line}). */
    public static String check(String field, String value) {
        int bad = firstRefused(value, true);
        if (bad >= 0) {
            throw refused(field, value, bad);
        }
        return value;
    }

    /** Single-line text (names, emails, reasons, search words): {@link #check} plus no tab or line break. */
    public static String line(String field, String value) {
        int bad = firstRefused(value, false);
        if (bad >= 0) {
            throw refused(field, value, bad);
        }
        return value;
    }

    /** Multi-line text (prompts): {@link #check}, then tabs and line breaks become spaces. */
    public static String paragraph(String field, String value) {
        if (value == null) {
            return null;
        }
        return check(field, value).replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }

    /** Drops every character {@link #line} refuses; for metadata a request should not fail over. */
    public static String strip(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                kept.append(c).append(value.charAt(++i));
            } else if (!Character.isSurrogate(c) && !isControl(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** {@link #strip Stripped} and cut to {@code max} characters, to quote a client's text back in a message or a log. */
    public static String quote(String value, int max) {
        String kept = strip(value == null ? "" : value);
        return kept.length() > max ? kept.substring(0, Math.max(0, max - 1)) + "…" : kept;
    }

    private static DomainException refused(String field, String value, int index) {
        char c = value.charAt(index);
        String what = Character.isSurrogate(c)
                ? "a broken character (an unpaired surrogate)"
                : isLineBreakOrTab(c) ? "a line break or tab" : String.format("a control character (U+%04X)", (int) c);
        return DomainException.invalid(
                INVALID, field + " contains " + what + ", which is not allowed here; remove it.");
    }

    /** Index of the first refused character, or -1. */
    private static int firstRefused(String value, boolean multiLine) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c) || (isControl(c) && !(multiLine && isLineBreakOrTab(c)))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    private static boolean isLineBreakOrTab(char c) {
        return c == '\t' || c == '\n' || c == '\r';
    }
}
