package com.pixfino.server.http;

import com.pixfino.server.limits.RateLimitedException;
import io.javalin.Javalin;

/** A used-up rate limit is a 429 like any domain refusal, plus {@code Retry-After} in whole seconds. */
public final class RateLimitAnswers {

    private RateLimitAnswers() {
    }

    public static void install(Javalin app) {
        app.exception(RateLimitedException.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfter().toSeconds()));
            ErrorMapping.write(ctx, ErrorMapping.status(e.kind()), e.code(), e.getMessage());
        });
    }
}
