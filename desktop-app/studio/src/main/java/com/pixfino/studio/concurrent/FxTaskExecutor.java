package com.pixfino.studio.concurrent;

import com.pixfino.studio.core.concurrent.BackgroundTask;
import com.pixfino.studio.core.concurrent.Cancellable;
import com.pixfino.studio.core.concurrent.NamedThreads;
import com.pixfino.studio.core.concurrent.Progress;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.concurrent.TaskHandle;
import com.pixfino.studio.core.concurrent.TaskRun;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
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
    public <T> TaskHandle submit(
            BackgroundTask<T> task,
            Consumer<? super T> onSuccess,
            Consumer<? super Exception> onFailure,
            Consumer<? super Progress> onProgress) {
        TaskRun<T> run = new TaskRun<>(task, onSuccess, onFailure, onProgress, uiThread);
        try {
            Future<?> future = pool.submit(run);
            run.interruptWith(() -> future.cancel(true));
        } catch (RejectedExecutionException e) {
            run.cancel(); // closed on exit: nothing runs any more, as with schedule
        }
        return run;
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
        ScheduledFuture<?> future = timer.schedule(
                () -> uiThread.execute(() -> {
                    if (!cancelled.get()) {
                        action.run();
                    }
                }),
                delay.toMillis(),
                TimeUnit.MILLISECONDS);
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
