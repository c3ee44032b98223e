package com.pixfino.server.http;

import io.javalin.http.Context;
import java.net.URI;

/** Where a request came to ({@code scheme://host[:port]}): the base of links when no public URL is configured. */
public final class RequestBase {

    private RequestBase() {}

    public static URI of(Context ctx) {
        String host = ctx.host();
        try {
            if (host != null && !host.isBlank()) {
                URI uri = URI.create(ctx.scheme() + "://" + host);
                if (uri.getHost() != null && uri.getRawPath().isEmpty() && uri.getRawQuery() == null) {
                    return uri;
                }
            }
        } catch (IllegalArgumentException e) {
            // a Host header that is no host: fall back to the address the server listens on
        }
        return URI.create(ctx.scheme() + "://127.0.0.1:" + ctx.port());
    }
}
