package com.pixfino.server.http;

import com.pixfino.model.api.ErrorBody;
import com.pixfino.server.domain.DomainException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place exceptions become {@code {"error":{"code","message"}}} bodies and the one place a domain
 * refusal gets its HTTP status; nothing else writes errors.
 */
public final class ErrorMapping {

    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    public static void install(Javalin app) {
        app.exception(DomainException.class, (e, ctx) -> write(ctx, status(e.kind()), e.code(), e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> writeStatus(ctx, e.getStatus(), e.getMessage()));
        app.exception(BadMessageException.class, (e, ctx) -> writeStatus(ctx, e.getCode(), "The request could not be read."));
        app.exception(Exception.class, (e, ctx) -> {
            log.error("event=unhandled_error method={} path={}", ctx.method(), ctx.path(), e);
            write(ctx, 500, "internal_error", "Something went wrong on the server; the error was logged. Please try again.");
        });
    }

    /** The status a domain refusal is answered with. */
    public static int status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHORIZED -> 401;
            case INSUFFICIENT_CREDITS -> 402;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA -> 415;
            case TOO_MANY_REQUESTS -> 429;
        };
    }

    private static void writeStatus(Context ctx, int status, String message) {
        String code;
        String text;
        switch (status) {
            case 404 -> {
                code = "not_found";
                text = "No such endpoint: " + ctx.method() + " " + ctx.path() + ".";
            }
            case 405 -> {
                code = "method_not_allowed";
                text = "Method " + ctx.method() + " is not allowed on " + ctx.path() + ".";
            }
            case 406 -> {
                code = "not_acceptable";
                text = message == null || message.isBlank() ? "The server cannot answer in a format this request accepts." : message;
            }
            case 413 -> {
                code = "payload_too_large";
                text = "The request body is too large.";
            }
            case 401 -> {
                code = "unauthorized";
                text = "Sign in first: this endpoint needs a bearer token.";
            }
            case 403 -> {
                code = "forbidden";
                text = "You are not allowed to do this.";
            }
            default -> {
                code = status >= 500 ? "internal_error" : "bad_request";
                text = message == null || message.isBlank() ? "The request could not be handled." : message;
            }
        }
        write(ctx, status, code, text);
    }

    public static void write(Context ctx, int status, String code, String message) {
        ctx.status(status).json(ErrorBody.of(code, message));
    }
}
