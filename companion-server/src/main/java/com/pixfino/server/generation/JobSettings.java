package com.pixfino.server.generation;

import java.time.Duration;

/**
 * Timing of generation jobs: how often a running job polls its provider, how long it may take in all,
 * and how quickly the queue notices new work and jobs orphaned by a crashed server.
 */
public record JobSettings(
        Duration pollInterval, Duration timeout, Duration queuePolling, Duration heartbeat, int workers) {

    public static JobSettings defaults() {
        return new JobSettings(
                Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(5), 8);
    }
}
