package com.pixfino.studio.core.batch;

import java.util.List;

/** A batch that has been started: control it, watch it, wait for it. Every method is thread-safe. */
public interface BatchRun {

    /** No new item starts; items in flight finish. */
    void pause();

    void resume();

    /** Stops submitting at once, cancels submitted unfinished generations (the server refunds them), ends the run. */
    void stop();

    BatchProgress progress();

    /** A snapshot of the whole batch, earlier runs included. */
    List<BatchItem> items();

    /** Waits until the run is FINISHED or STOPPED; the reports are written by then. */
    BatchOutcome await() throws InterruptedException;
}
