package com.pixfino.studio.core.batch;

/**
 * What a program that hosts a run does when it quits mid-batch (the studio's window closing): the run's threads end
 * as after a crash, nothing is cancelled on the server and no report is written, so the manifest still holds every
 * unfinished item and the next start resumes them (a create sent again is answered with the first generation, never
 * charged twice).
 */
public final class BatchRuns {

    private BatchRuns() {}

    /** Ends {@code run}'s threads without cancelling its server work; a run of another kind is paused instead. */
    public static void leave(BatchRun run) {
        if (run instanceof BatchExecution execution) {
            execution.abandon();
        } else {
            run.pause();
        }
    }
}
