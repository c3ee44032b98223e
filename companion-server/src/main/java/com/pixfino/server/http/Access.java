package com.pixfino.server.http;

import io.javalin.security.RouteRole;

/**
 * Who may call a route. A {@link #USER} route takes a session token; it takes an API key too only when it also
 * lists {@link #KEY_READ} or {@link #KEY_GENERATE} (the scope the key needs). {@link #ADMIN} routes never take a key.
 */
public enum Access implements RouteRole {
    PUBLIC,
    USER,
    ADMIN,
    /** An API key with the {@code read} (or {@code generate}) scope may call it. */
    KEY_READ,
    /** An API key with the {@code generate} scope may call it. */
    KEY_GENERATE
}
