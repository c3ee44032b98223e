package com.pixfino.server.accounts;

import com.pixfino.model.Role;
import com.pixfino.server.http.Access;
import com.pixfino.server.http.ApiException;
import com.pixfino.server.http.Authenticated;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.security.RouteRole;
import java.util.Set;

/** Runs before every matched route: resolves the bearer token for USER and ADMIN routes and enforces the role. */
public final class BearerAuthentication implements Handler {

    private final TokenService tokens;

    public BearerAuthentication(TokenService tokens) {
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
            throw ApiException.unauthorized("Sign in first: this endpoint needs a bearer token.");
        }
        Authenticated auth = tokens.resolve(header.substring(7).trim())
                .orElseThrow(() -> ApiException.unauthorized("Your session has expired or was signed out. Sign in again."));
        if (roles.contains(Access.ADMIN) && auth.role() != Role.ADMIN) {
            throw ApiException.forbidden("This needs an administrator account.");
        }
        auth.attach(ctx);
    }
}
