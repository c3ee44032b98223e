package com.pixfino.studio.concurrent;

import com.pixfino.studio.core.concurrent.NamedThreads;
import com.pixfino.studio.core.concurrent.Cancellable;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Background pool owned by the studio: named daemon threads, results delivered on the JavaFX thread. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final Executor uiThread;

    public FxTaskExecutor(String name, int threads) {
        this(name, threads, Platform::runLater);
    }

    /** {@code uiThread} is injectable so the hand-over can be tested without a running toolkit. */
    public FxTaskExecutor(String name, int threads, Executor uiThread) {
        this.pool = NamedThreads.pool(name, threads);
        this.timer = NamedThreads.timer(name + "-timer");
        this.uiThread = uiThread;
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        pool.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                uiThread.execute(() -> onFailure.accept(e));
                return;
            }
            uiThread.execute(() -> onSuccess.accept(result));
        });
    }

    @Override
    public void onUiThread(Runnable action) {
        uiThread.execute(action);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        if (timer.isShutdown()) {
            return Cancellable.NONE;
        }
        // The flag also covers the gap between the timer firing and the UI thread running the action.
        AtomicBoolean cancelled = new AtomicBoolean();
        ScheduledFuture<?> future = timer.schedule(() -> uiThread.execute(() -> {
            if (!cancelled.get()) {
                action.run();
            }
        }), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            cancelled.set(true);
            future.cancel(false);
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pool.shutdownNow();
        try {
            // Give a running HTTP call a moment to notice the interrupt; the threads are daemons anyway.
            if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("event=executor_shutdown_timeout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
