package com.pixfino.server.http;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.Role;
import com.pixfino.model.api.apikeys.ApiKeyScope;
import com.pixfino.server.domain.DomainException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.security.RouteRole;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every matched route: resolves the bearer credential (a session token, or an API key {@code pxf_...})
 * and enforces the route's {@link Access}. An API key is checked on every route, public ones included, so a revoked
 * or mistyped key is a 401 wherever a script sends it; a key on a route it may not call is a 403 before the route
 * runs (so the refusal wins over anything the route would answer).
 */
public final class BearerAuthentication implements Handler {

    /** Who a raw bearer token belongs to, if anyone (the accounts feature answers, wired by the composition root). */
    @FunctionalInterface
    public interface Tokens {
        Optional<Authenticated> resolve(String token);
    }

    static final String KEY_NOT_ALLOWED =
            "API keys cannot manage API keys, webhooks, billing or the account, nor call admin routes: sign in"
                    + " and use your session for this.";

    private final Tokens tokens;
    private final Tokens keys;

    public BearerAuthentication(Tokens tokens, Tokens keys) {
        this.tokens = tokens;
        this.keys = keys;
    }

    @Override
    public void handle(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        boolean open = roles.isEmpty() || roles.contains(Access.PUBLIC);
        String header = ctx.header("Authorization");
        boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        String credential = bearer ? header.substring(7).trim() : null;
        if (credential != null && credential.startsWith(ApiPaths.API_KEY_PREFIX)) {
            Authenticated key = keys.resolve(credential)
                    .orElseThrow(() -> DomainException.unauthorized(
                            "This API key is not valid: it was revoked, mistyped or never existed."));
            if (!open) {
                allowKey(roles, key);
            }
            key.attach(ctx);
            return;
        }
        if (open) {
            return;
        }
        if (credential == null) {
            throw DomainException.unauthorized("Sign in first: this endpoint needs a bearer token.");
        }
        Authenticated auth = tokens.resolve(credential)
                .orElseThrow(() ->
                        DomainException.unauthorized("Your session has expired or was signed out. Sign in again."));
        if (roles.contains(Access.ADMIN) && auth.role() != Role.ADMIN) {
            throw DomainException.forbidden("This needs an administrator account.");
        }
        auth.attach(ctx);
    }

    private static void allowKey(Set<RouteRole> roles, Authenticated key) {
        if (roles.contains(Access.ADMIN) || !(roles.contains(Access.KEY_READ) || roles.contains(Access.KEY_GENERATE))) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "api_key_not_allowed", KEY_NOT_ALLOWED);
        }
        if (roles.contains(Access.KEY_GENERATE) && !key.scopes().contains(ApiKeyScope.GENERATE)) {
            throw new DomainException(
                    DomainException.Kind.FORBIDDEN,
                    "api_key_scope",
                    "This API key has the read scope only: uploading, generating, cancelling, deleting and changing"
                            + " styles or the library need a key with the generate scope.");
        }
    }
}
