package com.pixfino.studio.core.concurrent;

/** What running work sees of itself: a way to report progress, and whether it was cancelled. Any thread. */
public interface TaskProgress {

    /**
     * Reports progress to the UI thread; a report still waiting there is replaced by a newer one.
     *
     * @param fraction from 0 to 1, or {@link Progress#UNKNOWN} when how far the work is cannot be told
     * @param message one line for people, or empty
     */
    void update(double fraction, String message);

    /** Whether the handle was cancelled: the work should stop, nobody will see its result. */
    boolean isCancelled();
}
