package com.pixfino.studio.core.batch;

/**
 * Why a run ended before its work was done, when the cause was not the items but the server: it could not be reached
 * after the retries, or it refused the credentials. The items left keep their state, so the same request run again
 * finishes them (CLI exit code 4). {@code message} is a sentence saying what to do.
 */
public record BatchFailure(Kind kind, String message) {

    public enum Kind {
        SERVER_UNREACHABLE,
        CREDENTIALS_REFUSED
    }
}
