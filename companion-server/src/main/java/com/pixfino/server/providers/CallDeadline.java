package com.pixfino.server.providers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The moment a provider call must be over, on the monotonic clock: usually the generation's deadline.
 * {@link GuardedProvider} cuts every attempt at it and, while an attempt runs, makes it known to the
 * provider's HTTP client ({@link #ofCurrentCall()}), so a stalled exchange is dropped instead of
 * holding a socket until the client's own read timeout. The {@link Provider} SPI stays free of it.
 */
public final class CallDeadline {

    private static final ThreadLocal<CallDeadline> CURRENT = new ThreadLocal<>();
    private static final long NONE = Long.MAX_VALUE;

    private final long nanoTime;

    private CallDeadline(long nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** {@code budget} from now; zero or negative means already over. */
    public static CallDeadline in(Duration budget) {
        return new CallDeadline(System.nanoTime() + Math.max(0, budget.toNanos()));
    }

    /** The wall-clock {@code deadline} (a generation's {@code deadline_at}) read on {@code clock}. */
    public static CallDeadline at(Instant deadline, Clock clock) {
        return in(Duration.between(clock.instant(), deadline));
    }

    /** No deadline beyond each attempt's own time limit. */
    public static CallDeadline none() {
        return new CallDeadline(NONE);
    }

    public boolean isNone() {
        return nanoTime == NONE;
    }

    /** What is left, never negative; practically forever for {@link #none()}. */
    public Duration remaining() {
        if (isNone()) {
            return Duration.ofNanos(Long.MAX_VALUE);
        }
        return Duration.ofNanos(Math.max(0, nanoTime - System.nanoTime()));
    }

    public boolean isOver() {
        return !isNone() && System.nanoTime() - nanoTime >= 0;
    }

    /** The earlier of this deadline and {@code limit} from now. */
    public CallDeadline atMost(Duration limit) {
        CallDeadline other = in(limit);
        return isNone() || other.nanoTime - nanoTime < 0 ? other : this;
    }

    /** Runs {@code work} on this thread with this deadline visible to {@link #ofCurrentCall()}. */
    <T> T runWithin(Callable<T> work) throws Exception {
        CURRENT.set(this);
        try {
            return work.call();
        } finally {
            CURRENT.remove();
        }
    }

    /** The deadline of the provider call running on this thread, if a {@link GuardedProvider} started it. */
    public static Optional<CallDeadline> ofCurrentCall() {
        return Optional.ofNullable(CURRENT.get());
    }
}
