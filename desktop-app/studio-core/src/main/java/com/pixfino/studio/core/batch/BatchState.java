package com.pixfino.studio.core.batch;

/** Where a whole batch run stands. */
public enum BatchState {
    RUNNING,
    PAUSED,
    WATCHING,
    STOPPING,
    STOPPED,
    FINISHED
}
