package com.pixfino.studio.core.concurrent;

/**
 * Work for a {@link TaskExecutor}: runs off the UI thread, may report how far it got, and should stop early once
 * {@link TaskProgress#isCancelled()} says nobody wants its result any more.
 */
@FunctionalInterface
public interface BackgroundTask<T> {

    T call(TaskProgress progress) throws Exception;
}
