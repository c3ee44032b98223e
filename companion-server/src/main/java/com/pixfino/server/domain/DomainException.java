package com.pixfino.server.domain;

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
        /** More bytes or pixels than the limits allow. */
        TOO_LARGE,
        /** A file type or body format the server does not take. */
        UNSUPPORTED_MEDIA,
        /** The caller used up a rate limit; it may try again later. */
        TOO_MANY_REQUESTS
    }

    private final Kind kind;
    private final String code;

    public DomainException(Kind kind, String code, String message) {
        this(kind, code, message, null);
    }

    public DomainException(Kind kind, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
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

    public static DomainException conflict(String code, String message) {
        return new DomainException(Kind.CONFLICT, code, message);
    }
}
