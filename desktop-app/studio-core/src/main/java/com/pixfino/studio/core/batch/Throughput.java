package com.pixfino.studio.core.batch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The ETA from the pace of items finished in this run: the rate over the last {@value #WINDOW} finishes (or since the
 * run began, while fewer), so time spent waiting in the queue before the first result does not skew it. Not
 * thread-safe: the run calls it under its lock.
 */
final class Throughput {

    static final int WINDOW = 20;

    private final Deque<Long> finishes = new ArrayDeque<>();
    private final long startedNanos;

    Throughput(long startedNanos) {
        this.startedNanos = startedNanos;
    }

    void finished(long nanos) {
        finishes.addLast(nanos);
        if (finishes.size() > WINDOW + 1) {
            finishes.removeFirst();
        }
    }

    /** Null until an item finished in this run. */
    Duration eta(int remaining, long nowNanos) {
        if (finishes.isEmpty()) {
            return null;
        }
        if (remaining == 0) {
            return Duration.ZERO;
        }
        long from;
        int count;
        if (finishes.size() > WINDOW) {
            from = finishes.peekFirst();
            count = finishes.size() - 1;
        } else {
            from = startedNanos;
            count = finishes.size();
        }
        long span = Math.max(1, nowNanos - from);
        double perItem = (double) span / count;
        return Duration.ofNanos((long) (perItem * remaining));
    }
}
