package com.pixfino.server.http;

import com.pixfino.model.Role;
import java.util.UUID;

/** The caller a bearer token resolved to, stored on the request. */
public record Authenticated(UUID userId, Role role, String tokenHash) {

    private static final String ATTRIBUTE = "pixfino.auth";

    public void attach(io.javalin.http.Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    public static boolean isPresent(io.javalin.http.Context ctx) {
        return ctx.attribute(ATTRIBUTE) != null;
    }

    public static Authenticated of(io.javalin.http.Context ctx) {
        Authenticated auth = ctx.attribute(ATTRIBUTE);
        if (auth == null) {
            throw ApiException.unauthorized("Sign in first: this endpoint needs a bearer token.");
        }
        return auth;
    }
}
