package com.pixfino.server.providers;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call to a provider goes through here: a time limit, then a circuit breaker that opens after N
 * consecutive failures, then retries with exponential backoff (or the provider's Retry-After) for
 * transient faults. A {@link CallDeadline} (the generation's deadline) bounds the whole call: each
 * attempt is cut at it, and no retry waits past it. Callers see {@link ProviderException},
 * {@link ProviderUnavailableException} or {@link CallDeadlineExceededException}.
 */
public final class GuardedProvider {

    private static final Logger log = LoggerFactory.getLogger(GuardedProvider.class);
    private static final long MAX_RETRY_AFTER_MILLIS = 30_000;
    /** A cancel goes out once the generation has ended or been dropped, so it gets a short time of its own. */
    private static final Duration CANCEL_BUDGET = Duration.ofSeconds(10);

    private final Provider provider;
    private final CircuitBreaker breaker;
    private final IntervalFunction backoff;
    private final ExecutorService calls;
    private final ResilienceSettings settings;
    private volatile long halfOpensAtNanos;

    public GuardedProvider(Provider provider, ResilienceSettings settings, ExecutorService calls) {
        this.provider = provider;
        this.settings = settings;
        this.calls = calls;
        // a count window of N calls that must all fail = N consecutive failures
        this.breaker = CircuitBreaker.of(provider.name(), CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.failuresToOpen())
                .minimumNumberOfCalls(settings.failuresToOpen())
                .failureRateThreshold(100f)
                .waitDurationInOpenState(settings.openDuration())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        this.backoff = IntervalFunction.ofExponentialBackoff(settings.retryBackoff().toMillis(), 2.0);
        breaker.getEventPublisher().onStateTransition(e -> {
            if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                halfOpensAtNanos = System.nanoTime() + settings.openDuration().toNanos();
            }
            log.warn("event=circuit_transition provider={} transition={}", provider.name(), e.getStateTransition());
        });
    }

    public Provider provider() {
        return provider;
    }

    public String name() {
        return provider.name();
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    /** While the breaker is open: how long until it lets a trial call through (zero when that is due now). Empty when calls go through. */
    public Optional<Duration> pausedFor() {
        if (breaker.getState() != CircuitBreaker.State.OPEN) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.max(0, halfOpensAtNanos - System.nanoTime())));
    }

    public String submit(ProviderRequest request) {
        return submit(request, CallDeadline.none());
    }

    public String submit(ProviderRequest request, CallDeadline deadline) {
        return call("submit", deadline, () -> provider.submit(request));
    }

    public ProviderPoll poll(String jobId, ProviderRequest request) {
        return poll(jobId, request, CallDeadline.none());
    }

    public ProviderPoll poll(String jobId, ProviderRequest request, CallDeadline deadline) {
        return call("poll", deadline, () -> provider.poll(jobId, request));
    }

    /** Best effort, within a few seconds: a failing cancel is logged, never thrown. */
    public void cancel(String jobId) {
        try {
            call("cancel", CallDeadline.in(CANCEL_BUDGET), () -> {
                provider.cancel(jobId);
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("event=provider_cancel_failed provider={} job={} message={}", provider.name(), jobId, e.getMessage());
        }
    }

    private <T> T call(String operation, CallDeadline deadline, Callable<T> work) {
        Supplier<T> attempt = CircuitBreaker.decorateSupplier(breaker, () -> withTimeLimit(operation, deadline, work));
        Supplier<T> inTime = () -> {
            // checked outside the breaker: running out of the job's time says nothing about the provider
            if (deadline.isOver()) {
                throw new CallDeadlineExceededException(provider.name(), operation);
            }
            return attempt.get();
        };
        try {
            return Retry.decorateSupplier(retryWithin(deadline), inTime).get();
        } catch (CallNotPermittedException e) {
            throw new ProviderUnavailableException(provider.name());
        }
    }

    /** The retry policy for one call: a retry is only worth it with time left after its wait, and no wait runs past the deadline. */
    private Retry retryWithin(CallDeadline deadline) {
        return Retry.of(provider.name(), RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(e -> e instanceof ProviderException p && p.isTransient() && !(e instanceof ProviderUnavailableException)
                        && deadline.remaining().toMillis() > firstWait(p))
                .intervalBiFunction((IntervalBiFunction<Object>) (attempt, outcome) -> {
                    long wait = outcome.isLeft() && outcome.getLeft() instanceof ProviderException p && p.retryAfter() != null
                            ? Math.min(p.retryAfter().toMillis(), MAX_RETRY_AFTER_MILLIS)
                            : backoff.apply(attempt);
                    return Math.min(wait, deadline.remaining().toMillis());
                })
                .build());
    }

    private long firstWait(ProviderException e) {
        return e.retryAfter() != null ? Math.min(e.retryAfter().toMillis(), MAX_RETRY_AFTER_MILLIS) : settings.retryBackoff().toMillis();
    }

    private <T> T withTimeLimit(String operation, CallDeadline deadline, Callable<T> work) {
        boolean cutByDeadline = deadline.remaining().compareTo(settings.callTimeout()) < 0;
        CallDeadline attemptEnds = deadline.atMost(settings.callTimeout());
        Future<T> future = calls.submit(() -> attemptEnds.runWithin(work));
        try {
            return future.get(attemptEnds.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            if (cutByDeadline) {
                throw new CallDeadlineExceededException(provider.name(), operation);
            }
            throw ProviderException.transientFault("provider_timeout",
                    "The " + provider.name() + " service did not answer " + operation + " within " + settings.callTimeout().toSeconds() + " s.");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw ProviderException.transientFault("interrupted", "The call to " + provider.name() + " was interrupted.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ProviderException p) {
                throw p;
            }
            log.warn("event=provider_error provider={} operation={} error={}", provider.name(), operation, cause.toString());
            throw new ProviderException("provider_error", "The " + provider.name() + " service failed: " + safeMessage(cause), false, null, cause);
        }
    }

    private static String safeMessage(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
