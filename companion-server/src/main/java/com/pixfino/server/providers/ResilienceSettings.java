package com.pixfino.server.providers;

import java.time.Duration;

/** How hard we lean on a provider: breaker threshold and open time, retries, and the longest a call may take. */
public record ResilienceSettings(
        int failuresToOpen, Duration openDuration, int maxAttempts, Duration retryBackoff, Duration callTimeout) {

    /** The product defaults: 5 consecutive failures open the breaker for 60 s; 3 attempts; 2 min per call. */
    public static ResilienceSettings defaults() {
        return new ResilienceSettings(5, Duration.ofSeconds(60), 3, Duration.ofMillis(500), Duration.ofMinutes(2));
    }
}
