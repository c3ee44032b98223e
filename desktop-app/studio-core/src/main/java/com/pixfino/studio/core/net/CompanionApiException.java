package com.pixfino.studio.core.net;

import java.time.Duration;

/** The server refused a request and said why: {@code getMessage()} is its sentence for people. */
public final class CompanionApiException extends CompanionHttpException {

    private final String code;

    public CompanionApiException(int statusCode, String code, String message) {
        this(statusCode, code, message, null);
    }

    /** {@code retryAfter}: the wait the server asked for with its refusal (429, 503), or null. */
    public CompanionApiException(int statusCode, String code, String message, Duration retryAfter) {
        super(statusCode, message, retryAfter);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The token is unknown, expired or revoked: the user has to sign in again. */
    public boolean isUnauthorized() {
        return statusCode() == 401;
    }

    public boolean isNotFound() {
        return statusCode() == 404;
    }
}
