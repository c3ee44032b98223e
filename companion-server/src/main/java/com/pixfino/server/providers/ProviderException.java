package com.pixfino.server.providers;

import java.time.Duration;

/**
 * A provider call that did not work. {@code transientFault} failures (timeouts, 5xx, 429, broken
 * connections) are retried with backoff; the others (4xx, refusals, malformed answers) are final.
 */
public class ProviderException extends RuntimeException {

    private final boolean transientFault;
    private final String code;
    private final Duration retryAfter;

    public ProviderException(
            String code, String message, boolean transientFault, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.transientFault = transientFault;
        this.retryAfter = retryAfter;
    }

    public static ProviderException transientFault(String code, String message) {
        return new ProviderException(code, message, true, null, null);
    }

    public static ProviderException permanent(String code, String message) {
        return new ProviderException(code, message, false, null, null);
    }

    public boolean isTransient() {
        return transientFault;
    }

    public String code() {
        return code;
    }

    /** How long the provider asked us to wait (HTTP 429 Retry-After), if it did. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
