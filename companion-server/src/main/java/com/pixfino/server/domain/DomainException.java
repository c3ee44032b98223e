package com.pixfino.server.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * A use case refused: what kind of refusal, a stable machine code and one sentence for the user.
 * Services throw it; only the HTTP layer decides which status each {@link Kind} is answered with.
 */
public class DomainException extends RuntimeException {

    /** Why the request was refused, in the domain's words. */
    public enum Kind {
        /** The request itself is wrong: a missing field, a bad value, a malformed body. */
        INVALID,
        /** No one is signed in, or the sign-in failed. */
        UNAUTHORIZED,
        /** The balance cannot pay for it. */
        INSUFFICIENT_CREDITS,
        /** Signed in, but not allowed to do this. */
        FORBIDDEN,
        /** The thing does not exist, or is not the caller's. */
        NOT_FOUND,
        /** The current state forbids it: already finished, already taken, would go negative. */
        CONFLICT,
        /** It existed and is over for good (an expired promo code): asking again will not help. */
        GONE,
        /** More bytes or pixels than the limits allow. */
        TOO_LARGE,
        /** A file type or body format the server does not take. */
        UNSUPPORTED_MEDIA,
        /** The caller used up a rate limit; it may try again later (see {@link #retryAfter()}). */
        TOO_MANY_REQUESTS,
        /** Cannot be done now but can later (see {@link #retryAfter()}): every provider for it is paused. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;
    private final Duration retryAfter;

    public DomainException(Kind kind, String code, String message) {
        this(kind, code, message, (Throwable) null);
    }

    public DomainException(Kind kind, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
        this.retryAfter = null;
    }

    /** A refusal for now only: the answer tells the client when to try again. */
    protected DomainException(Kind kind, String code, String message, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /** How long to wait before trying again, when the refusal is only for now. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whole seconds, rounded up and at least 1: a Retry-After of 0 would invite an immediate retry. */
    public static long wholeSeconds(Duration wait) {
        long millis = Math.max(0, wait.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }

    public Kind kind() {
        return kind;
    }

    /** Stable and machine-readable, e.g. {@code insufficient_credits}; clients branch on it. */
    public String code() {
        return code;
    }

    public static DomainException invalid(String code, String message) {
        return new DomainException(Kind.INVALID, code, message);
    }

    /** {@code what} starts the sentence: "Generation 42" becomes "Generation 42 was not found." */
    public static DomainException notFound(String what) {
        return new DomainException(Kind.NOT_FOUND, "not_found", what + " was not found.");
    }

    public static DomainException unauthorized(String message) {
        return new DomainException(Kind.UNAUTHORIZED, "unauthorized", message);
    }

    public static DomainException forbidden(String message) {
        return new DomainException(Kind.FORBIDDEN, "forbidden", message);
    }

    public static DomainException unavailable(String code, String message, Duration retryAfter) {
        return new DomainException(Kind.UNAVAILABLE, code, message, retryAfter);
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(Kind.CONFLICT, code, message);
    }
}
