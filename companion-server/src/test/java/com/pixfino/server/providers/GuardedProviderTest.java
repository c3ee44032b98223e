package com.pixfino.server.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.MediaKind;
import com.pixfino.server.testsupport.StubProvider;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The breaker and retry around every provider call, with a provider whose answers the test controls. */
class GuardedProviderTest {

    private final ExecutorService calls = Executors.newCachedThreadPool();
    private final ControlledProvider provider = new ControlledProvider();

    @AfterEach
    void shutdown() {
        calls.shutdownNow();
    }

    private GuardedProvider guard(int attempts, Duration open) {
        return new GuardedProvider(
                provider,
                new ResilienceSettings(5, open, attempts, Duration.ofMillis(1), Duration.ofSeconds(5)),
                calls);
    }

    @Test
    void opensAfterFiveConsecutiveFailuresThenHalfOpensAfterTheWait() {
        GuardedProvider guarded = guard(1, Duration.ofMillis(400));
        provider.next.set(() -> {
            throw ProviderException.permanent("http_500", "boom");
        });
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> guarded.submit(request())).isInstanceOf(ProviderException.class);
            assertThat(guarded.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        }
        assertThatThrownBy(() -> guarded.submit(request())).isInstanceOf(ProviderException.class);
        assertThat(guarded.state()).isEqualTo(CircuitBreaker.State.OPEN);
        int callsWhenOpened = provider.calls.get();

        assertThatThrownBy(() -> guarded.submit(request()))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("paused");
        assertThat(provider.calls.get())
                .as("an open breaker does not call the provider")
                .isEqualTo(callsWhenOpened);

        await().atMost(Duration.ofSeconds(5)).until(guarded::state, state -> state == CircuitBreaker.State.HALF_OPEN);
        provider.next.set(() -> "ok-job");
        assertThat(guarded.submit(request())).isEqualTo("ok-job");
        assertThat(guarded.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aSuccessResetsTheConsecutiveCount() {
        GuardedProvider guarded = guard(1, Duration.ofSeconds(60));
        AtomicInteger n = new AtomicInteger();
        provider.next.set(() -> {
            if (n.incrementAndGet() % 4 == 0) {
                return "fine";
            }
            throw ProviderException.permanent("http_500", "boom");
        });
        for (int i = 0; i < 12; i++) {
            try {
                guarded.submit(request());
            } catch (ProviderException ignored) {
                // three failures then a success, again and again: never five in a row
            }
        }
        assertThat(guarded.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void transientFaultsAreRetriedWithBackoffAndPermanentOnesAreNot() {
        GuardedProvider guarded = guard(3, Duration.ofSeconds(60));
        AtomicInteger n = new AtomicInteger();
        provider.next.set(() -> {
            if (n.incrementAndGet() < 3) {
                throw ProviderException.transientFault("http_503", "busy");
            }
            return "third-time";
        });
        assertThat(guarded.submit(request())).isEqualTo("third-time");
        assertThat(provider.calls.get()).isEqualTo(3);

        provider.calls.set(0);
        provider.next.set(() -> {
            throw ProviderException.permanent("http_422", "bad input");
        });
        assertThatThrownBy(() -> guarded.submit(request())).hasMessage("bad input");
        assertThat(provider.calls.get()).isEqualTo(1);
    }

    @Test
    void retryAfterFromA429IsHonoured() {
        GuardedProvider guarded = guard(2, Duration.ofSeconds(60));
        AtomicInteger n = new AtomicInteger();
        provider.next.set(() -> {
            if (n.incrementAndGet() == 1) {
                throw new ProviderException("http_429", "slow down", true, Duration.ofMillis(700), null);
            }
            return "after-wait";
        });
        long started = System.nanoTime();
        assertThat(guarded.submit(request())).isEqualTo("after-wait");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(650));
    }

    @Test
    void unexpectedExceptionsBecomeReadableProviderErrors() {
        GuardedProvider guarded = guard(1, Duration.ofSeconds(60));
        provider.next.set(() -> {
            throw new IllegalStateException("socket closed");
        });
        assertThatThrownBy(() -> guarded.submit(request()))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("controlled")
                .hasMessageContaining("socket closed");
    }

    private static ProviderRequest request() {
        return new ProviderRequest(UUID.randomUUID(), MediaKind.IMAGE, "m", "p", "", "{}", null, () -> null);
    }

    private static final class ControlledProvider extends StubProvider {
        final AtomicReference<java.util.function.Supplier<String>> next = new AtomicReference<>();
        final AtomicInteger calls = new AtomicInteger();

        ControlledProvider() {
            super("controlled");
        }

        @Override
        public String submit(ProviderRequest request) {
            calls.incrementAndGet();
            return next.get().get();
        }

        @Override
        public ProviderPoll poll(String jobId, ProviderRequest request) {
            return new ProviderPoll.Succeeded(List.of(), BigDecimal.ZERO);
        }
    }
}
