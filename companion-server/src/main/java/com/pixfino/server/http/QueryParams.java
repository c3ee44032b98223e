package com.pixfino.server.http;

import com.pixfino.server.domain.DomainException;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Query parameters that name an enum constant, case-insensitively; an unknown one is a 400 listing the choices. */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> Optional<E> enumValue(Context ctx, String name, Class<E> type) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_" + name, "Unknown " + name + " '" + value + "'; use one of "
                    + Arrays.toString(type.getEnumConstants()) + ".");
        }
    }
}
