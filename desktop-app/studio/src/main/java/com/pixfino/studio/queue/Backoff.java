package com.pixfino.studio.queue;

import java.time.Duration;

/** Waits between reconnection attempts: doubling from {@code first}, never more than {@code max}. */
public record Backoff(Duration first, Duration max) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    /** The wait before attempt {@code failures + 1}. */
    public Duration delay(int failures) {
        long millis = first.toMillis() << Math.min(Math.max(failures, 0), 20);
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
