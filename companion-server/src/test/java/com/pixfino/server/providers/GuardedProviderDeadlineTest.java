package com.pixfino.server.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.MediaKind;
import com.pixfino.server.ServerApp;
import com.pixfino.server.providers.http.ProviderHttp;
import com.pixfino.server.providers.replicate.ReplicateProvider;
import com.pixfino.server.testsupport.ProviderServers;
import com.pixfino.server.testsupport.StubProvider;
import com.pixfino.server.testsupport.TestImages;
import com.pixfino.server.testsupport.fakes.FakeReplicate;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generation's deadline bounds a guarded call: its attempts, its retry waits and the HTTP exchange underneath. */
class GuardedProviderDeadlineTest {

    private static final Duration LONG_CALLS = Duration.ofSeconds(60);

    private final ExecutorService calls = Executors.newCachedThreadPool();
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void shutdown() {
        never.countDown();
        calls.shutdownNow();
    }

    @Test
    void aCallThatHangsIsCutAtTheDeadlineNotAtTheCallTimeLimit() {
        Scripted hanging = new Scripted(() -> {
            awaitForever();
            return "too late";
        });
        GuardedProvider guarded = guard(hanging, 5, Duration.ofSeconds(60), 3);

        long started = System.nanoTime();
        assertThatThrownBy(() -> guarded.submit(request(), CallDeadline.in(Duration.ofMillis(300))))
                .isInstanceOf(CallDeadlineExceededException.class)
                .hasMessageContaining("before the generation's deadline");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(hanging.calls.get()).as("no retry without time left").isEqualTo(1);
    }

    @Test
    void aRetryWhoseWaitWouldPassTheDeadlineIsNotAttempted() {
        Scripted throttled = new Scripted(() -> {
            throw new ProviderException("rate_limited", "slow down", true, Duration.ofSeconds(30), null);
        });
        GuardedProvider guarded = guard(throttled, 5, Duration.ofSeconds(60), 3);

        long started = System.nanoTime();
        assertThatThrownBy(() -> guarded.submit(request(), CallDeadline.in(Duration.ofSeconds(2))))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.code()).isEqualTo("rate_limited"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(throttled.calls.get()).isEqualTo(1);
    }

    @Test
    void aDeadlineAlreadyPastNeitherCallsTheProviderNorCountsAgainstIt() {
        Scripted fine = new Scripted(() -> "job");
        GuardedProvider guarded = guard(fine, 1, Duration.ofSeconds(60), 3);

        assertThatThrownBy(() -> guarded.poll("job", request(), CallDeadline.in(Duration.ZERO)))
                .isInstanceOf(CallDeadlineExceededException.class);

        assertThat(fine.calls.get()).isZero();
        assertThat(guarded.breaker().getMetrics().getNumberOfBufferedCalls()).isZero();
        assertThat(guarded.pausedFor()).isEmpty();
    }

    @Test
    void anOpenBreakerSaysHowLongUntilItTriesAgain() {
        Scripted failing = new Scripted(() -> {
            throw ProviderException.permanent("http_500", "boom");
        });
        GuardedProvider guarded = guard(failing, 2, Duration.ofSeconds(10), 1);
        assertThat(guarded.pausedFor()).isEmpty();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> guarded.submit(request())).hasMessage("boom");
        }

        assertThat(guarded.pausedFor())
                .hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(10)));
    }

    @Test
    void theHttpExchangeOfAStalledPollIsDroppedAtTheDeadline() {
        try (FakeReplicate fake = new FakeReplicate()) {
            // like the server's client: only a 100 s read timeout would end this exchange on its own
            OkHttpClient http = new OkHttpClient.Builder()
                    .readTimeout(Duration.ofSeconds(100))
                    .callTimeout(Duration.ofSeconds(110))
                    .build();
            ReplicateProvider replicate = new ReplicateProvider(
                    ProviderServers.replicate(fake, false),
                    new ProviderHttp("Replicate", http, ServerApp.objectMapper(), Clock.systemUTC()),
                    Duration.ofMinutes(6));
            ProviderRequest request = new ProviderRequest(
                    UUID.randomUUID(),
                    MediaKind.IMAGE,
                    "black-forest-labs/flux-kontext-pro",
                    "pollstall " + UUID.randomUUID(),
                    "",
                    "{}",
                    null,
                    () -> new ProviderRequest.InputImage(TestImages.jpeg(300, 400), "image/jpeg", 300, 400));
            AtomicBoolean pollReturned = new AtomicBoolean();
            Scripted polling = new Scripted(() -> "unused") {
                @Override
                public ProviderPoll poll(String jobId, ProviderRequest ignored) {
                    try {
                        return replicate.poll(jobId, request);
                    } finally {
                        pollReturned.set(true);
                    }
                }
            };
            GuardedProvider guarded = guard(polling, 5, Duration.ofSeconds(60), 1);
            String prediction = replicate.submit(request);

            assertThatThrownBy(() -> guarded.poll(prediction, request, CallDeadline.in(Duration.ofMillis(500))))
                    .isInstanceOf(CallDeadlineExceededException.class);

            await().atMost(Duration.ofSeconds(3)).untilTrue(pollReturned);
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private GuardedProvider guard(Provider provider, int failuresToOpen, Duration open, int attempts) {
        return new GuardedProvider(
                provider,
                new ResilienceSettings(failuresToOpen, open, attempts, Duration.ofMillis(10), LONG_CALLS),
                calls);
    }

    private void awaitForever() {
        try {
            never.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ProviderRequest request() {
        return new ProviderRequest(UUID.randomUUID(), MediaKind.IMAGE, "m", "p", "", "{}", null, () -> null);
    }

    /** A provider whose submit does what the test says. */
    private static class Scripted extends StubProvider {
        final AtomicInteger calls = new AtomicInteger();
        private final Supplier<String> submit;

        Scripted(Supplier<String> submit) {
            super("scripted", new Capabilities(EnumSet.of(MediaKind.IMAGE), true), Map.of());
            this.submit = submit;
        }

        @Override
        public String submit(ProviderRequest request) {
            calls.incrementAndGet();
            return submit.get();
        }

        @Override
        public ProviderPoll poll(String jobId, ProviderRequest request) {
            calls.incrementAndGet();
            return new ProviderPoll.Running(null);
        }
    }
}
