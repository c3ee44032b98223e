package com.pixfino.studio.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.core.concurrent.Progress;
import com.pixfino.studio.core.concurrent.TaskHandle;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FxTaskExecutorTest {

    // Stands in for the FX thread: one named thread, so the test can see where callbacks run.
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-ui"));
    // Counts each hand-over to the UI thread, so a test can wait until a result is on its way.
    private final Semaphore handedOver = new Semaphore(0);
    private final FxTaskExecutor executor = new FxTaskExecutor("test-task", 2, action -> {
        ui.execute(action);
        handedOver.release();
    });
    private final List<String> callbacks = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        executor.close();
        ui.shutdownNow();
    }

    @Test
    void runsWorkOnNamedDaemonThreadAndDeliversResultOnUiThread() throws Exception {
        CompletableFuture<Thread> worker = new CompletableFuture<>();
        CompletableFuture<String> delivered = new CompletableFuture<>();

        executor.run(
                () -> {
                    worker.complete(Thread.currentThread());
                    return "done";
                },
                result -> delivered.complete(
                        result + " on " + Thread.currentThread().getName()),
                delivered::completeExceptionally);

        assertThat(delivered.get(5, TimeUnit.SECONDS)).isEqualTo("done on fake-ui");
        Thread thread = worker.get(5, TimeUnit.SECONDS);
        assertThat(thread.getName()).startsWith("test-task-");
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getUncaughtExceptionHandler()).isNotSameAs(thread.getThreadGroup());
    }

    @Test
    void deliversFailureOnUiThread() throws Exception {
        CompletableFuture<String> failure = new CompletableFuture<>();

        executor.<String>run(
                () -> {
                    throw new IOException("boom");
                },
                failure::complete,
                error -> failure.complete(
                        error.getMessage() + " on " + Thread.currentThread().getName()));

        assertThat(failure.get(5, TimeUnit.SECONDS)).isEqualTo("boom on fake-ui");
    }

    @Test
    void scheduledActionsRunOnTheUiThreadUnlessCancelled() throws Exception {
        CompletableFuture<String> ran = new CompletableFuture<>();
        CompletableFuture<String> cancelledRan = new CompletableFuture<>();

        executor.schedule(java.time.Duration.ofMillis(150), () -> cancelledRan.complete("should not run"))
                .cancel();
        executor.schedule(
                java.time.Duration.ofMillis(50),
                () -> ran.complete(Thread.currentThread().getName()));

        assertThat(ran.get(5, TimeUnit.SECONDS)).isEqualTo("fake-ui");
        // the cancelled action was due 100 ms after the one that ran: it must still not run well past that
        Awaitility.await()
                .during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(cancelledRan).isNotDone());
    }

    @Test
    void pushedEventsAreHandedToTheUiThread() throws Exception {
        CompletableFuture<String> ran = new CompletableFuture<>();

        executor.onUiThread(() -> ran.complete(Thread.currentThread().getName()));

        assertThat(ran.get(5, TimeUnit.SECONDS)).isEqualTo("fake-ui");
    }

    @Test
    void cancellingRunningWorkInterruptsItAndNeitherCallbackRuns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<String> stopped = new CompletableFuture<>();

        TaskHandle handle = executor.submit(
                progress -> {
                    started.countDown();
                    try {
                        new CountDownLatch(1).await(); // only an interrupt ends this
                    } catch (InterruptedException e) {
                        stopped.complete("interrupted, cancelled=" + progress.isCancelled());
                        throw e;
                    }
                    return "finished";
                },
                this::succeeded,
                this::failed);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        handle.cancel();

        assertThat(stopped.get(5, TimeUnit.SECONDS)).isEqualTo("interrupted, cancelled=true");
        assertThat(handedOver.tryAcquire(5, TimeUnit.SECONDS))
                .as("the failure is handed over")
                .isTrue();
        drainUi();
        assertThat(handle.isCancelled()).isTrue();
        assertThat(callbacks).isEmpty();
    }

    @Test
    void workCancelledBeforeItStartsNeverRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 2; i++) { // both pool threads busy
            executor.submit(progress -> release.await(5, TimeUnit.SECONDS), this::succeeded, this::failed);
        }
        AtomicBoolean ran = new AtomicBoolean();

        TaskHandle waiting = executor.submit(progress -> ran.getAndSet(true), this::succeeded, this::failed);
        waiting.cancel();
        release.countDown();

        assertThat(handedOver.tryAcquire(2, 5, TimeUnit.SECONDS)).isTrue();
        drainUi();
        assertThat(ran).isFalse();
        assertThat(callbacks).containsExactly("success true", "success true");
        assertThat(waiting.isCancelled()).isTrue();
    }

    @Test
    void aResultThatArrivesAfterCancelIsDropped() throws Exception {
        CompletableFuture<TaskHandle> handle = new CompletableFuture<>();
        CountDownLatch uiBusy = new CountDownLatch(1);
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        // The UI thread is busy with something that ends by cancelling, while the result is already queued behind it.
        ui.execute(() -> {
            try {
                uiBusy.await(5, TimeUnit.SECONDS);
                handle.get(5, TimeUnit.SECONDS).cancel();
                cancelled.complete(null);
            } catch (Exception e) {
                cancelled.completeExceptionally(e);
            }
        });

        handle.complete(executor.submit(progress -> "late", this::succeeded, this::failed));
        assertThat(handedOver.tryAcquire(5, TimeUnit.SECONDS))
                .as("the result is queued on the UI thread")
                .isTrue();
        uiBusy.countDown();

        cancelled.get(5, TimeUnit.SECONDS);
        drainUi();
        assertThat(callbacks).isEmpty();
        assertThat(handle.get().isCancelled()).isTrue();
    }

    @Test
    void cancellingAfterTheOutcomeWasDeliveredChangesNothing() throws Exception {
        TaskHandle handle = executor.submit(progress -> "done", this::succeeded, this::failed);
        assertThat(handedOver.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
        drainUi();

        handle.cancel();

        assertThat(handle.isCancelled()).isFalse();
        assertThat(callbacks).containsExactly("success done");
    }

    @Test
    void progressArrivesOnTheUiThreadInOrderAndBeforeTheResult() throws Exception {
        List<Progress> reports = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        CompletableFuture<String> done = new CompletableFuture<>();

        executor.submit(
                progress -> {
                    for (int step = 1; step <= 50; step++) {
                        progress.update(step / 50.0, "step " + step);
                    }
                    return "done";
                },
                result -> done.complete(result + " after " + reports.size() + " reports"),
                done::completeExceptionally,
                report -> {
                    threads.add(Thread.currentThread().getName());
                    reports.add(report);
                });

        assertThat(done.get(5, TimeUnit.SECONDS)).startsWith("done after");
        assertThat(threads).isNotEmpty().containsOnly("fake-ui");
        List<Double> fractions =
                new ArrayList<>(reports.stream().map(Progress::fraction).toList());
        assertThat(fractions).isSorted().doesNotHaveDuplicates();
        // A report still waiting is replaced by a newer one, but the last one always arrives.
        assertThat(reports.get(reports.size() - 1)).isEqualTo(new Progress(1.0, "step 50"));
        assertThat(done.get()).isEqualTo("done after " + reports.size() + " reports");
    }

    private void succeeded(Object result) {
        callbacks.add("success " + result);
    }

    private void failed(Exception error) {
        callbacks.add("failure " + error);
    }

    /** Waits until the UI thread has run everything handed to it so far. */
    private void drainUi() throws Exception {
        CompletableFuture<Void> drained = new CompletableFuture<>();
        ui.execute(() -> drained.complete(null));
        drained.get(5, TimeUnit.SECONDS);
    }
}
