package com.pixfino.studio.core.net;

/** The server refused a request and said why: {@code getMessage()} is its sentence for people. */
public final class CompanionApiException extends CompanionHttpException {

    private final String code;

    public CompanionApiException(int statusCode, String code, String message) {
        super(statusCode, message);
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
