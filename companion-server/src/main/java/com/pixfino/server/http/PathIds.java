package com.pixfino.server.http;

import com.pixfino.server.domain.DomainException;
import io.javalin.http.Context;
import java.util.UUID;

/** Path ids: one that is not a UUID names nothing, so it is a 404 like any unknown id. */
public final class PathIds {

    private PathIds() {}

    public static UUID uuid(Context ctx, String name, String what) {
        try {
            return UUID.fromString(ctx.pathParam(name));
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound(what);
        }
    }

    /** A positive whole-number id (presets); anything else is a 404 like an unknown id. */
    public static long number(Context ctx, String name, String what) {
        String text = ctx.pathParam(name);
        try {
            long id = Long.parseLong(text);
            if (id > 0 && Long.toString(id).equals(text)) {
                return id;
            }
        } catch (NumberFormatException e) {
            // a 404 below
        }
        throw DomainException.notFound(what);
    }
}
