package com.pixfino.server.http;

import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.Text;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Query parameters read the same way on every endpoint: enum names case-insensitively, text through {@link Text#line}. */
public final class QueryParams {

    /** Search words longer than this find nothing useful and only cost a scan. */
    public static final int MAX_TEXT = 200;

    private QueryParams() {}

    public static <E extends Enum<E>> Optional<E> enumValue(Context ctx, String name, Class<E> type) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(
                    "invalid_" + name,
                    "Unknown " + name + " '" + Text.quote(value, 40) + "'; use one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", "))
                            + ".");
        }
    }

    /** Single-line text of at most {@link #MAX_TEXT} characters, trimmed; absent when missing or blank. */
    public static Optional<String> text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = Text.line(name, value).trim();
        if (text.length() > MAX_TEXT) {
            throw DomainException.invalid(
                    "invalid_" + name, name + " is too long: " + MAX_TEXT + " characters at most.");
        }
        return Optional.of(text);
    }
}
