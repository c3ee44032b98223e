package com.pixfino.server.webhooks;

import java.time.Duration;
import java.util.List;

/**
 * Outgoing webhooks: whether http://127.0.0.1 and localhost targets are allowed (tests and local development only),
 * the retry schedule after the first try, the timeout of one attempt, how many events in a row may fail before an
 * endpoint is disabled, and how often due deliveries are looked for.
 */
public record WebhookSettings(
        boolean allowLocal, List<Duration> retryDelays, Duration timeout, int disableAfter, Duration pollInterval) {

    public WebhookSettings {
        retryDelays = List.copyOf(retryDelays);
    }

    /** About 30 s, 2 min, 10 min, 1 h, 6 h and 24 h after the first try; 10 s per attempt. */
    public static WebhookSettings defaults() {
        return new WebhookSettings(
                false,
                List.of(
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(10),
                        Duration.ofHours(1),
                        Duration.ofHours(6),
                        Duration.ofHours(24)),
                Duration.ofSeconds(10),
                20,
                Duration.ofSeconds(1));
    }

    public WebhookSettings withAllowLocal(boolean on) {
        return new WebhookSettings(on, retryDelays, timeout, disableAfter, pollInterval);
    }

    public WebhookSettings withRetries(List<Duration> delays, Duration attemptTimeout) {
        return new WebhookSettings(allowLocal, delays, attemptTimeout, disableAfter, pollInterval);
    }
}
