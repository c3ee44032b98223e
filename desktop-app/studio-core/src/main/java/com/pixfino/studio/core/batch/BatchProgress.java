package com.pixfino.studio.core.batch;

import java.time.Duration;

/**
 * Counts of a batch's items, whole batch (earlier runs included). {@code eta}: null until at least one item finished
 * in this run; {@code pauseReason}: a sentence when the engine paused the batch (credit cap reached, balance short),
 * null otherwise.
 */
public record BatchProgress(
        int total,
        int completed,
        int failed,
        int skipped,
        int canceled,
        int remaining,
        Duration eta,
        BatchState state,
        String pauseReason) {}
