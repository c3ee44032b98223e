package com.pixfino.server.providers;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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

    /** Latency of each attempt, tagged by provider, operation (submit, poll, cancel) and outcome (success, error, timeout). */
    public static final String CALL_TIMER = "pixfino.provider.calls";

    private static final Logger log = LoggerFactory.getLogger(GuardedProvider.class);
    private static final long MAX_RETRY_AFTER_MILLIS = 30_000;
    /** A cancel goes out once the generation has ended or been dropped, so it gets a short time of its own. */
    private static final Duration CANCEL_BUDGET = Duration.ofSeconds(10);
    /** A dozen fixed buckets (not Micrometer's ~70 per series): enough for p50/p95 of calls that take 50 ms to 2 min. */
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(60),
        Duration.ofMinutes(2)
    };

    private final Provider provider;
    private final CircuitBreaker breaker;
    private final IntervalFunction backoff;
    private final ExecutorService calls;
    private final ResilienceSettings settings;
    private final MeterRegistry meters;
    private volatile long halfOpensAtNanos;

    public GuardedProvider(Provider provider, ResilienceSettings settings, ExecutorService calls) {
        this(provider, settings, calls, CircuitBreakerRegistry.ofDefaults(), new SimpleMeterRegistry());
    }

    /**
     * @param breakers where the breaker is registered, so its state and counts reach the metrics
     * @param meters   where the latency of provider calls is timed
     */
    public GuardedProvider(
            Provider provider,
            ResilienceSettings settings,
            ExecutorService calls,
            CircuitBreakerRegistry breakers,
            MeterRegistry meters) {
        this.provider = provider;
        this.settings = settings;
        this.calls = calls;
        this.meters = meters;
        // a count window of N calls that must all fail = N consecutive failures
        this.breaker = breakers.circuitBreaker(
                provider.name(),
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(settings.failuresToOpen())
                        .minimumNumberOfCalls(settings.failuresToOpen())
                        .failureRateThreshold(100f)
                        .waitDurationInOpenState(settings.openDuration())
                        .automaticTransitionFromOpenToHalfOpenEnabled(true)
                        .permittedNumberOfCallsInHalfOpenState(1)
                        // a stopping server says nothing about the provider
                        .ignoreExceptions(CallInterruptedException.class)
                        .build());
        this.backoff =
                IntervalFunction.ofExponentialBackoff(settings.retryBackoff().toMillis(), 2.0);
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
            log.warn(
                    "event=provider_cancel_failed provider={} job={} message={}",
                    provider.name(),
                    jobId,
                    e.getMessage());
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
        return Retry.of(
                provider.name(),
                RetryConfig.custom()
                        .maxAttempts(settings.maxAttempts())
                        .retryOnException(e -> e instanceof ProviderException p
                                && p.isTransient()
                                && !(e instanceof ProviderUnavailableException)
                                && deadline.remaining().toMillis() > firstWait(p))
                        .intervalBiFunction((IntervalBiFunction<Object>) (attempt, outcome) -> {
                            long wait = outcome.isLeft()
                                            && outcome.getLeft() instanceof ProviderException p
                                            && p.retryAfter() != null
                                    ? Math.min(p.retryAfter().toMillis(), MAX_RETRY_AFTER_MILLIS)
                                    : backoff.apply(attempt);
                            return Math.min(wait, deadline.remaining().toMillis());
                        })
                        .build());
    }

    private long firstWait(ProviderException e) {
        return e.retryAfter() != null
                ? Math.min(e.retryAfter().toMillis(), MAX_RETRY_AFTER_MILLIS)
                : settings.retryBackoff().toMillis();
    }

    private <T> T withTimeLimit(String operation, CallDeadline deadline, Callable<T> work) {
        boolean cutByDeadline = deadline.remaining().compareTo(settings.callTimeout()) < 0;
        CallDeadline attemptEnds = deadline.atMost(settings.callTimeout());
        String outcome = "error";
        long started = System.nanoTime();
        Future<T> future = calls.submit(() -> attemptEnds.runWithin(work));
        try {
            T result = future.get(attemptEnds.remaining().toNanos(), TimeUnit.NANOSECONDS);
            outcome = "success";
            return result;
        } catch (TimeoutException e) {
            future.cancel(true);
            outcome = "timeout";
            if (cutByDeadline) {
                throw new CallDeadlineExceededException(provider.name(), operation);
            }
            throw ProviderException.transientFault(
                    "provider_timeout",
                    "The " + provider.name() + " service did not answer " + operation + " within "
                            + settings.callTimeout().toSeconds() + " s.");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CallInterruptedException(provider.name());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ProviderException p) {
                throw p;
            }
            log.warn(
                    "event=provider_error provider={} operation={} error={}",
                    provider.name(),
                    operation,
                    cause.toString());
            throw new ProviderException(
                    "provider_error",
                    "The " + provider.name() + " service failed: " + safeMessage(cause),
                    false,
                    null,
                    cause);
        } finally {
            Timer.builder(CALL_TIMER)
                    .description("Latency of one attempt of a provider call")
                    .tags("provider", provider.name(), "operation", operation, "outcome", outcome)
                    .serviceLevelObjectives(LATENCY_BUCKETS)
                    .register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
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
