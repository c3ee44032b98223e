package com.pixfino.server.http;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BiConsumer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Conservative headers on every answer, set by the outermost Jetty handler before anything is written, so JSON,
 * images, streams, Swagger UI and errors all carry them; Jetty's own refusals get them from {@link JsonErrorPages}.
 * The API serves JSON and images to our own studio and nothing embeds it.
 */
public final class SecurityHeaders extends HandlerWrapper {

    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    // Swagger UI's page boots with an inline script and style and loads its assets and the document from here
    private static final String DOCS_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

    /** Calls {@code header} with each security header for a request to {@code path} (null: unknown). */
    public static void forEach(String path, BiConsumer<String, String> header) {
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Referrer-Policy", "no-referrer");
        boolean docs = path != null && (path.startsWith("/swagger") || path.startsWith("/webjars/"));
        header.accept("Content-Security-Policy", docs ? DOCS_POLICY : API_POLICY);
        if (path == null || path.startsWith("/api/")) {
            // a route that may be cached (thumbnails, outputs) replaces this with its own Cache-Control
            header.accept("Cache-Control", "no-store");
        }
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        forEach(request.getRequestURI(), response::setHeader);
        super.handle(target, baseRequest, request, response);
    }
}
