package com.pixfino.server.http;

import com.pixfino.model.api.ErrorBody;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.Text;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.UUID;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place exceptions become {@code {"error":{"code","message"}}} bodies and the one place a domain
 * refusal gets its HTTP status; nothing else writes errors ({@link JsonErrorPages} writes Jetty's own with the
 * words of {@link #forStatus}). A failure of ours is logged once, briefly, under an {@code errorId} the answer
 * carries; its details never reach the client.
 */
public final class ErrorMapping {

    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {}

    public static void install(Javalin app) {
        app.exception(DomainException.class, (e, ctx) -> {
            e.retryAfter()
                    .ifPresent(wait -> ctx.header("Retry-After", Long.toString(DomainException.wholeSeconds(wait))));
            write(ctx, status(e.kind()), e.code(), e.getMessage());
        });
        app.exception(HttpResponseException.class, (e, ctx) -> writeStatus(ctx, e.getStatus(), e.getMessage()));
        app.exception(BadMessageException.class, (e, ctx) -> writeStatus(ctx, e.getCode(), null));
        app.exception(Exception.class, ErrorMapping::unhandled);
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
            case GONE -> 410;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA -> 415;
            case TOO_MANY_REQUESTS -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    /** Code and sentence for an answer known only by its status; {@code message} (may be null) replaces the default sentence. */
    public static ErrorBody.Detail forStatus(int status, String message) {
        return switch (status) {
            case 400 ->
                new ErrorBody.Detail(
                        "bad_request",
                        orDefault(
                                message,
                                "The request is not valid HTTP (a control character, a broken %-escape or a path above the root); it was not processed."));
            case 401 -> new ErrorBody.Detail("unauthorized", "Sign in first: this endpoint needs a bearer token.");
            case 403 -> new ErrorBody.Detail("forbidden", "You are not allowed to do this.");
            case 404 -> new ErrorBody.Detail("not_found", "There is nothing at this address.");
            case 405 -> new ErrorBody.Detail("method_not_allowed", "This method is not allowed here.");
            case 406 ->
                new ErrorBody.Detail(
                        "not_acceptable",
                        orDefault(message, "The server cannot answer in a format this request accepts."));
            case 408 -> new ErrorBody.Detail("request_timeout", "The request took too long to arrive.");
            case 413 -> new ErrorBody.Detail("payload_too_large", "The request body is too large.");
            case 414 -> new ErrorBody.Detail("uri_too_long", "The request address is too long.");
            case 415 ->
                new ErrorBody.Detail(
                        "unsupported_media_type", orDefault(message, "The server does not take this body format."));
            case 431 -> new ErrorBody.Detail("headers_too_large", "The request headers are too large.");
            case 505 -> new ErrorBody.Detail("http_version_not_supported", "Send the request over HTTP/1.1.");
            default ->
                status >= 500
                        ? new ErrorBody.Detail(
                                "internal_error", "Something went wrong on the server. Please try again.")
                        : new ErrorBody.Detail("bad_request", orDefault(message, "The request could not be handled."));
        };
    }

    public static void write(Context ctx, int status, String code, String message) {
        write(ctx, status, new ErrorBody.Detail(code, message));
    }

    private static void write(Context ctx, int status, ErrorBody.Detail detail) {
        // an error is never cached, whatever the route had set before it failed
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).json(new ErrorBody(detail));
    }

    private static void writeStatus(Context ctx, int status, String message) {
        switch (status) {
            case 404 ->
                write(
                        ctx,
                        404,
                        "not_found",
                        "No such endpoint: " + ctx.method() + " " + Text.quote(ctx.path(), 120) + ".");
            case 405 ->
                write(
                        ctx,
                        405,
                        "method_not_allowed",
                        "Method " + ctx.method() + " is not allowed on " + Text.quote(ctx.path(), 120) + ".");
            case 400 ->
                write(
                        ctx,
                        400,
                        forStatus(
                                400,
                                "The request could not be read: it holds a broken %-escape, a control character or malformed form data."));
            // our own 406 says what to send; Javalin's sentences for other statuses are not ours to show
            case 406 -> write(ctx, 406, forStatus(406, message));
            default -> write(ctx, status, forStatus(status, null));
        }
    }

    private static void unhandled(Exception e, Context ctx) {
        BadMessageException refusal = causeOfType(e, BadMessageException.class);
        if (refusal != null) {
            // Jetty refused part of the request while a handler read it (e.g. a control character in a form)
            writeStatus(ctx, refusal.getCode(), null);
            return;
        }
        String errorId = UUID.randomUUID().toString().substring(0, 13).replace("-", "");
        log.error(
                "event=unhandled_error errorId={} method={} path={} failure={}",
                errorId,
                ctx.method(),
                Text.quote(ctx.path(), 200),
                ShortTrace.of(e));
        write(
                ctx,
                500,
                new ErrorBody.Detail(
                        "internal_error",
                        "Something went wrong on the server; it was logged as error " + errorId + ". Please try again.",
                        errorId));
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String orDefault(String message, String fallback) {
        return message == null || message.isBlank() ? fallback : message;
    }
}
