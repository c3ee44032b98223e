package com.pixfino.studio.core.net;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** The server answered, but not in a way the studio understands (wrong status code or body). */
public class CompanionHttpException extends IOException {

    private final int statusCode;
    private final transient Duration retryAfter;

    public CompanionHttpException(int statusCode, String message) {
        this(statusCode, message, null);
    }

    /** {@code retryAfter}: how long the server asked to wait before trying again (429, 503), or null. */
    public CompanionHttpException(int statusCode, String message, Duration retryAfter) {
        super(message);
        this.statusCode = statusCode;
        this.retryAfter = retryAfter;
    }

    public int statusCode() {
        return statusCode;
    }

    /** The wait the server's {@code Retry-After} header asked for, when it sent one in seconds. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
