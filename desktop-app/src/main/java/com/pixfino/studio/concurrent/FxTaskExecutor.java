package com.pixfino.studio.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Background pool owned by the studio: named daemon threads, results delivered on the JavaFX thread. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService pool;
    private final Executor uiThread;

    public FxTaskExecutor(String name, int threads) {
        this(name, threads, Platform::runLater);
    }

    /** {@code uiThread} is injectable so the hand-over can be tested without a running toolkit. */
    public FxTaskExecutor(String name, int threads, Executor uiThread) {
        this.pool = Executors.newFixedThreadPool(threads, daemonThreads(name));
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
    public void close() {
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

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) ->
                    LOG.error("event=uncaught_exception thread={}", t.getName(), e));
            return thread;
        };
    }
}
