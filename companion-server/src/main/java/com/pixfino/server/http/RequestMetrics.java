package com.pixfino.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;

/** Times every request by route template (never the raw path, which would explode the label set). */
public final class RequestMetrics {

    private static final String STARTED = "pixfino.started";

    private RequestMetrics() {}

    public static void install(Javalin app, PrometheusMeterRegistry registry) {
        app.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        app.after(ctx -> record(ctx, registry));
    }

    private static void record(Context ctx, PrometheusMeterRegistry registry) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        String route = ctx.endpointHandlerPath();
        Timer.builder("http.server.requests")
                .tag("method", ctx.method().name())
                .tag("route", route == null || route.isEmpty() ? "unmatched" : route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
}
