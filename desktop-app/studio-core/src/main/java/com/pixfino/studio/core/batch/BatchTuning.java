package com.pixfino.studio.core.batch;

import java.time.Duration;

/**
 * The engine's timings: how often open generations are polled, the backoff and number of retries after a network
 * failure, the wait on a 429/503 without Retry-After and how many such waits, how often watch mode looks for new files
 * and how long a new file's size must stay unchanged. Tests shorten them.
 */
record BatchTuning(
        Duration pollEvery,
        Duration networkBackoff,
        int networkRetries,
        Duration busyWait,
        int busyRetries,
        Duration watchEvery,
        Duration settle) {

    static final BatchTuning DEFAULT = new BatchTuning(
            Duration.ofSeconds(2),
            Duration.ofSeconds(1),
            3,
            Duration.ofSeconds(2),
            30,
            Duration.ofSeconds(1),
            Duration.ofSeconds(2));
}
