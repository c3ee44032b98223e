package com.pixfino.server.http;

import com.pixfino.model.Role;
import com.pixfino.model.api.apikeys.ApiKeyScope;
import com.pixfino.server.domain.DomainException;
import io.javalin.http.Context;
import java.util.Set;
import java.util.UUID;

/**
 * The caller a bearer credential resolved to, stored on the request: a session token ({@code tokenHash} set) or an
 * API key ({@code apiKeyId} and its {@code scopes} set).
 */
public record Authenticated(UUID userId, Role role, String tokenHash, UUID apiKeyId, Set<ApiKeyScope> scopes) {

    private static final String ATTRIBUTE = "pixfino.auth";

    public Authenticated {
        scopes = Set.copyOf(scopes);
    }

    /** A signed-in session. */
    public Authenticated(UUID userId, Role role, String tokenHash) {
        this(userId, role, tokenHash, null, Set.of());
    }

    public static Authenticated apiKey(UUID userId, Role role, UUID keyId, Set<ApiKeyScope> scopes) {
        return new Authenticated(userId, role, null, keyId, scopes);
    }

    public boolean isApiKey() {
        return apiKeyId != null;
    }

    /** Whom rate limits count: the key, or the session (by a prefix of its token's hash, never the token). */
    public String credential() {
        return isApiKey() ? "key:" + apiKeyId : "token:" + tokenHash.substring(0, Math.min(16, tokenHash.length()));
    }

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
