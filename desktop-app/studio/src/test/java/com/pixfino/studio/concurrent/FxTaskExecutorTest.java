package com.pixfino.studio.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FxTaskExecutorTest {

    // Stands in for the FX thread: one named thread, so the test can see where callbacks run.
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-ui"));
    private final FxTaskExecutor executor = new FxTaskExecutor("test-task", 2, ui);

    @AfterEach
    void tearDown() {
        executor.close();
        ui.shutdownNow();
    }

    @Test
    void runsWorkOnNamedDaemonThreadAndDeliversResultOnUiThread() throws Exception {
        CompletableFuture<Thread> worker = new CompletableFuture<>();
        CompletableFuture<String> delivered = new CompletableFuture<>();

        executor.run(() -> {
            worker.complete(Thread.currentThread());
            return "done";
        }, result -> delivered.complete(result + " on " + Thread.currentThread().getName()), delivered::completeExceptionally);

        assertThat(delivered.get(5, TimeUnit.SECONDS)).isEqualTo("done on fake-ui");
        Thread thread = worker.get(5, TimeUnit.SECONDS);
        assertThat(thread.getName()).startsWith("test-task-");
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getUncaughtExceptionHandler()).isNotSameAs(thread.getThreadGroup());
    }

    @Test
    void deliversFailureOnUiThread() throws Exception {
        CompletableFuture<String> failure = new CompletableFuture<>();

        executor.<String>run(() -> {
            throw new IOException("boom");
        }, failure::complete, error -> failure.complete(error.getMessage() + " on " + Thread.currentThread().getName()));

        assertThat(failure.get(5, TimeUnit.SECONDS)).isEqualTo("boom on fake-ui");
    }

    @Test
    void scheduledActionsRunOnTheUiThreadUnlessCancelled() throws Exception {
        CompletableFuture<String> ran = new CompletableFuture<>();
        CompletableFuture<String> cancelledRan = new CompletableFuture<>();

        executor.schedule(java.time.Duration.ofMillis(150), () -> cancelledRan.complete("should not run")).cancel();
        executor.schedule(java.time.Duration.ofMillis(50), () -> ran.complete(Thread.currentThread().getName()));

        assertThat(ran.get(5, TimeUnit.SECONDS)).isEqualTo("fake-ui");
        Thread.sleep(300);
        assertThat(cancelledRan).isNotDone();
    }

    @Test
    void pushedEventsAreHandedToTheUiThread() throws Exception {
        CompletableFuture<String> ran = new CompletableFuture<>();

        executor.onUiThread(() -> ran.complete(Thread.currentThread().getName()));

        assertThat(ran.get(5, TimeUnit.SECONDS)).isEqualTo("fake-ui");
    }
}
