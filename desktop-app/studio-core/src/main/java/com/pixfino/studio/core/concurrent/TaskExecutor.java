package com.pixfino.studio.core.concurrent;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands its outcome back to the UI thread.
 * The only place the studio decides which thread does what.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work} in the background; exactly one of the callbacks is then called on the UI thread.
     */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** Hands something that happened on another thread (a pushed server event) to the UI thread. */
    void onUiThread(Runnable action);

    /** Runs {@code action} on the UI thread after {@code delay}, unless cancelled first. */
    Cancellable schedule(Duration delay, Runnable action);
}
