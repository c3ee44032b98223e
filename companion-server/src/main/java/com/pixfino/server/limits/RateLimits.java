package com.pixfino.server.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place requests are counted against their {@link Budget}s (Bucket4j token buckets, one per budget
 * and subject: an address, or an account's email hash). Buckets live in this process's memory: two servers
 * on one database each count on their own, so a caller may get up to twice the allowance.
 */
public final class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);
    // Idle (full) buckets are dropped once a table grows past this, so a flood of one-off subjects cannot fill memory;
    // at most once a second, so a table of busy subjects is not scanned on every new one.
    private static final int SWEEP_ABOVE = 10_000;
    private static final long SWEEP_EVERY_NANOS = 1_000_000_000L;

    private final Map<Budget, Table> tables = new EnumMap<>(Budget.class);
    private final TimeMeter time;

    public RateLimits(RateLimitSettings settings, Clock clock) {
        this.time = new ClockTime(clock);
        for (Budget budget : Budget.values()) {
            settings.allowance(budget).ifPresent(allowance -> tables.put(budget, new Table(budget, allowance)));
        }
    }

    /**
     * Takes one from {@code subject}'s {@code budget}.
     *
     * @throws RateLimitedException when none is left, with the wait until one is
     */
    public void take(Budget budget, String subject) {
        Table table = tables.get(budget);
        if (table == null) {
            return;
        }
        ConsumptionProbe probe = table.bucket(subject).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw table.refused(subject, probe.getNanosToWaitForRefill());
        }
        table.refusing.remove(subject);
    }

    /**
     * Takes one from {@code subject}'s {@code budget} and answers how many are left ({@link Long#MAX_VALUE} when the
     * budget is not limited).
     *
     * @throws RateLimitedException when none is left, with the wait until one is
     */
    public long takeAndCount(Budget budget, String subject) {
        Table table = tables.get(budget);
        if (table == null) {
            return Long.MAX_VALUE;
        }
        ConsumptionProbe probe = table.bucket(subject).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw table.refused(subject, probe.getNanosToWaitForRefill());
        }
        table.refusing.remove(subject);
        return probe.getRemainingTokens();
    }

    /**
     * Refuses when {@code subject} has used up {@code budget} already, without taking from it (a lock-out
     * is checked before the attempt and charged only when the attempt fails).
     */
    public void ensureLeft(Budget budget, String subject) {
        Table table = tables.get(budget);
        if (table == null) {
            return;
        }
        Bucket bucket = table.existing(subject);
        if (bucket == null) {
            return;
        }
        EstimationProbe estimate = bucket.estimateAbilityToConsume(1);
        if (!estimate.canBeConsumed()) {
            throw table.refused(subject, estimate.getNanosToWaitForRefill());
        }
        table.refusing.remove(subject);
    }

    /** Charges one to {@code subject}'s {@code budget} after the fact (a failed attempt); never refuses. */
    public void charge(Budget budget, String subject) {
        Table table = tables.get(budget);
        if (table != null) {
            table.bucket(subject).tryConsume(1);
        }
    }

    /** Forgets what {@code subject} used of {@code budget} (a successful sign-in clears its failures). */
    public void reset(Budget budget, String subject) {
        Table table = tables.get(budget);
        if (table != null) {
            table.buckets.remove(subject);
            table.refusing.remove(subject);
        }
    }

    /** One budget's buckets by subject. */
    private final class Table {
        private final Budget budget;
        private final Allowance allowance;
        private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
        // subjects refused since their last allowed attempt: a flood is logged once, not once per request
        private final Set<String> refusing = ConcurrentHashMap.newKeySet();
        private final AtomicLong lastSweep = new AtomicLong(Long.MIN_VALUE / 2);

        Table(Budget budget, Allowance allowance) {
            this.budget = budget;
            this.allowance = allowance;
        }

        RateLimitedException refused(String subject, long nanosToWait) {
            Duration wait = Duration.ofSeconds(Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L));
            if (refusing.add(subject)) {
                log.warn("event=rate_limited budget={} subject={} retry_after_s={}", budget, subject, wait.toSeconds());
            }
            return new RateLimitedException(budget, wait);
        }

        Bucket existing(String subject) {
            return buckets.get(subject);
        }

        Bucket bucket(String subject) {
            Bucket bucket = buckets.get(subject);
            if (bucket != null) {
                return bucket;
            }
            long now = time.currentTimeNanos();
            long last = lastSweep.get();
            if (buckets.size() > SWEEP_ABOVE && now - last > SWEEP_EVERY_NANOS && lastSweep.compareAndSet(last, now)) {
                sweep();
            }
            return buckets.computeIfAbsent(subject, s -> newBucket());
        }

        private Bucket newBucket() {
            var capacity = Bandwidth.builder().capacity(allowance.burst());
            Bandwidth limit = (budget.refill() == Budget.Refill.GRADUAL
                            ? capacity.refillGreedy(allowance.count(), allowance.period())
                            : capacity.refillIntervally(allowance.count(), allowance.period()))
                    .build();
            return Bucket.builder()
                    .addLimit(limit)
                    .withCustomTimePrecision(time)
                    .build();
        }

        // A full bucket is the same as a new one: dropping it loses nothing.
        private void sweep() {
            for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
                if (it.next().getAvailableTokens() >= allowance.burst()) {
                    it.remove();
                }
            }
            refusing.retainAll(buckets.keySet());
        }
    }

    /** Bucket4j's clock from the server's {@link Clock}, so tests can move time. */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
