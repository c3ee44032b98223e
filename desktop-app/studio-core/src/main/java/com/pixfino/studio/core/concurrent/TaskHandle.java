package com.pixfino.studio.core.concurrent;

/**
 * A task given to the {@link TaskExecutor}. Once it is cancelled on the UI thread, none of its callbacks runs
 * (a result that is already on its way is dropped) and the thread running it is interrupted. Cancelling after
 * its outcome was delivered does nothing.
 */
public interface TaskHandle extends Cancellable {

    /** The handle of no task, for a field that has not submitted anything yet. */
    TaskHandle NONE = new TaskHandle() {
        @Override
        public void cancel() {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Whether {@link #cancel()} came before the outcome was delivered. */
    boolean isCancelled();
}
