package com.pixfino.server.http;

import io.javalin.Javalin;

/** Conservative headers on every answer: the API serves JSON and images to our own studio, nothing embeds it. */
public final class SecurityHeaders {

    private SecurityHeaders() {
    }

    public static void install(Javalin app) {
        app.after(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "no-referrer");
            if (ctx.path().startsWith("/api/") && ctx.res().getHeader("Cache-Control") == null) {
                ctx.header("Cache-Control", "no-store");
            }
        });
    }
}
