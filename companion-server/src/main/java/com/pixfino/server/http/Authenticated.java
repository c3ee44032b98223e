package com.pixfino.server.http;

import com.pixfino.model.Role;
import com.pixfino.server.domain.DomainException;
import io.javalin.http.Context;
import java.util.UUID;

/** The caller a bearer token resolved to, stored on the request. */
public record Authenticated(UUID userId, Role role, String tokenHash) {

    private static final String ATTRIBUTE = "pixfino.auth";

    public void attach(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    public static boolean isPresent(Context ctx) {
        return ctx.attribute(ATTRIBUTE) != null;
    }

    public static Authenticated of(Context ctx) {
        Authenticated auth = ctx.attribute(ATTRIBUTE);
        if (auth == null) {
            throw DomainException.unauthorized("Sign in first: this endpoint needs a bearer token.");
        }
        return auth;
    }
}
