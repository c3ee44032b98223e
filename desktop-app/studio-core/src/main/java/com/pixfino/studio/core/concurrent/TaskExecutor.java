package com.pixfino.studio.core.concurrent;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands its progress and outcome back to the UI thread.
 * The only place the studio decides which thread does what.
 */
public interface TaskExecutor {

    /**
     * Runs {@code task} in the background. Its progress reports, then exactly one of {@code onSuccess} and
     * {@code onFailure}, are called on the UI thread, in that order, unless the returned handle is cancelled first.
     */
    <T> TaskHandle submit(
            BackgroundTask<T> task,
            Consumer<? super T> onSuccess,
            Consumer<? super Exception> onFailure,
            Consumer<? super Progress> onProgress);

    /** {@link #submit(BackgroundTask, Consumer, Consumer, Consumer)} for work whose progress nobody shows. */
    default <T> TaskHandle submit(
            BackgroundTask<T> task, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        return submit(task, onSuccess, onFailure, progress -> {});
    }

    /** Runs {@code work} in the background; exactly one of the callbacks is then called on the UI thread. */
    default <T> TaskHandle run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        return submit(progress -> work.call(), onSuccess, onFailure);
    }

    /** Hands something that happened on another thread (a pushed server event) to the UI thread. */
    void onUiThread(Runnable action);

    /** Runs {@code action} on the UI thread after {@code delay}, unless cancelled first. */
    Cancellable schedule(Duration delay, Runnable action);
}
