package com.pixfino.server.providers;

import java.time.Duration;

/**
 * A provider call that did not work. {@code transientFault} failures (timeouts, 5xx, 429, broken
 * connections) are retried with backoff; the others (4xx, refusals, malformed answers) are final.
 */
public class ProviderException extends RuntimeException {

    /**
     * The code of a provider's safety refusal (its content checker flagged the prompt, the photo or the result):
     * final like any refusal, and flagged for the moderators.
     */
    public static final String SAFETY_REFUSAL = "moderation";

    private static final java.util.regex.Pattern SAFETY_WORDS = java.util.regex.Pattern.compile(
            "nsfw|content[ _-]?polic|content checker|safety (checker|filter|system)|sensitive content|moderation",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Whether a provider's own failure text says its safety check refused the job ("NSFW content detected"). */
    public static boolean describesSafetyRefusal(String text) {
        return text != null && SAFETY_WORDS.matcher(text).find();
    }

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
