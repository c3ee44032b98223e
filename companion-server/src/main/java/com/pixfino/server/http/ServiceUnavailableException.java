package com.pixfino.server.http;

import java.time.Duration;

/** A 503: the server cannot take this request now but can later; {@code retryAfter} is sent as the Retry-After header. */
public class ServiceUnavailableException extends ApiException {

    private final Duration retryAfter;

    public ServiceUnavailableException(String code, String message, Duration retryAfter) {
        super(503, code, message);
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return wholeSeconds(retryAfter);
    }

    /** Whole seconds, rounded up and at least 1: a Retry-After of 0 would invite an immediate retry. */
    public static long wholeSeconds(Duration wait) {
        long millis = Math.max(0, wait.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }
}
