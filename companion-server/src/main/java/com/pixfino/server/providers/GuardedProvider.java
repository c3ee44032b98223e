package com.pixfino.server.providers;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
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
 * transient faults. Callers see {@link ProviderException} or {@link ProviderUnavailableException}.
 */
public final class GuardedProvider {

    private static final Logger log = LoggerFactory.getLogger(GuardedProvider.class);
    private static final long MAX_RETRY_AFTER_MILLIS = 30_000;

    private final Provider provider;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final ExecutorService calls;
    private final ResilienceSettings settings;

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
        IntervalFunction backoff = IntervalFunction.ofExponentialBackoff(settings.retryBackoff().toMillis(), 2.0);
        this.retry = Retry.of(provider.name(), RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(e -> e instanceof ProviderException p && p.isTransient() && !(e instanceof ProviderUnavailableException))
                .intervalBiFunction((IntervalBiFunction<Object>) (attempt, outcome) -> {
                    if (outcome.isLeft() && outcome.getLeft() instanceof ProviderException p && p.retryAfter() != null) {
                        return Math.min(p.retryAfter().toMillis(), MAX_RETRY_AFTER_MILLIS);
                    }
                    return backoff.apply(attempt);
                })
                .build());
        breaker.getEventPublisher().onStateTransition(e ->
                log.warn("event=circuit_transition provider={} transition={}", provider.name(), e.getStateTransition()));
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

    public String submit(ProviderRequest request) {
        return call("submit", () -> provider.submit(request));
    }

    public ProviderPoll poll(String jobId, ProviderRequest request) {
        return call("poll", () -> provider.poll(jobId, request));
    }

    /** Best effort: a failing cancel is logged, never thrown. */
    public void cancel(String jobId) {
        try {
            call("cancel", () -> {
                provider.cancel(jobId);
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("event=provider_cancel_failed provider={} job={} message={}", provider.name(), jobId, e.getMessage());
        }
    }

    private <T> T call(String operation, Callable<T> work) {
        Supplier<T> limited = () -> withTimeLimit(operation, work);
        Supplier<T> guarded = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, limited));
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            throw new ProviderUnavailableException(provider.name());
        }
    }

    private <T> T withTimeLimit(String operation, Callable<T> work) {
        Future<T> future = calls.submit(work);
        try {
            return future.get(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
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
