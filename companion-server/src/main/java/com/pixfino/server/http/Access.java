package com.pixfino.server.http;

import io.javalin.security.RouteRole;

/** Who may call a route. */
public enum Access implements RouteRole {
    PUBLIC,
    USER,
    ADMIN
}
