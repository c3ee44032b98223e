package com.pixfino.server.http;

import com.pixfino.model.Role;
import com.pixfino.server.domain.DomainException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.security.RouteRole;
import java.util.Optional;
import java.util.Set;

/** Runs before every matched route: resolves the bearer token for USER and ADMIN routes and enforces the role. */
public final class BearerAuthentication implements Handler {

    /** Who a raw bearer token belongs to, if anyone (the accounts feature answers, wired by the composition root). */
    @FunctionalInterface
    public interface Tokens {
        Optional<Authenticated> resolve(String token);
    }

    private final Tokens tokens;

    public BearerAuthentication(Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty() || roles.contains(Access.PUBLIC)) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw DomainException.unauthorized("Sign in first: this endpoint needs a bearer token.");
        }
        Authenticated auth = tokens.resolve(header.substring(7).trim())
                .orElseThrow(() ->
                        DomainException.unauthorized("Your session has expired or was signed out. Sign in again."));
        if (roles.contains(Access.ADMIN) && auth.role() != Role.ADMIN) {
            throw DomainException.forbidden("This needs an administrator account.");
        }
        auth.attach(ctx);
    }
}
