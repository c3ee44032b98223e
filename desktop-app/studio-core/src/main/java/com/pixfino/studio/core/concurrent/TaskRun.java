package com.pixfino.studio.core.concurrent;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One submitted task as an executor runs it: the work on a background thread, its progress and outcome handed to
 * the UI thread. Whether a callback may still run is decided on the UI thread, so a cancel there always wins.
 */
public final class TaskRun<T> implements TaskHandle, TaskProgress, Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRun.class);

    private enum State {
        PENDING,
        DELIVERED,
        CANCELLED
    }

    private final BackgroundTask<T> task;
    private final Consumer<? super T> onSuccess;
    private final Consumer<? super Exception> onFailure;
    private final Consumer<? super Progress> onProgress;
    private final Executor uiThread;
    private final AtomicReference<State> state = new AtomicReference<>(State.PENDING);
    private final AtomicReference<Progress> unsent = new AtomicReference<>();
    private volatile Runnable interrupt = () -> {};

    public TaskRun(
            BackgroundTask<T> task,
            Consumer<? super T> onSuccess,
            Consumer<? super Exception> onFailure,
            Consumer<? super Progress> onProgress,
            Executor uiThread) {
        this.task = task;
        this.onSuccess = onSuccess;
        this.onFailure = onFailure;
        this.onProgress = onProgress;
        this.uiThread = uiThread;
    }

    /** Runs the work on the calling thread; its outcome goes to the UI thread. */
    @Override
    public void run() {
        if (isCancelled()) {
            return;
        }
        T result;
        try {
            result = task.call(this);
        } catch (Exception e) {
            deliver(() -> onFailure.accept(e));
            return;
        } catch (Error e) {
            // An executor's future would keep this to itself: say it here.
            LOG.error("event=task_error thread={}", Thread.currentThread().getName(), e);
            throw e;
        }
        deliver(() -> onSuccess.accept(result));
    }

    /** How the executor stops the thread running this; run at once when the task was cancelled already. */
    public void interruptWith(Runnable interrupt) {
        this.interrupt = interrupt;
        if (isCancelled()) {
            interrupt.run();
        }
    }

    @Override
    public void cancel() {
        if (state.compareAndSet(State.PENDING, State.CANCELLED)) {
            interrupt.run();
        }
    }

    @Override
    public boolean isCancelled() {
        return state.get() == State.CANCELLED;
    }

    @Override
    public void update(double fraction, String message) {
        if (state.get() != State.PENDING) {
            return;
        }
        // Only the newest report waits for the UI thread, so a chatty task cannot flood it.
        if (unsent.getAndSet(new Progress(fraction, message)) == null) {
            uiThread.execute(() -> {
                Progress latest = unsent.getAndSet(null);
                if (latest != null && state.get() == State.PENDING) {
                    onProgress.accept(latest);
                }
            });
        }
    }

    private void deliver(Runnable callback) {
        uiThread.execute(() -> {
            if (state.compareAndSet(State.PENDING, State.DELIVERED)) {
                callback.run();
            }
        });
    }
}
