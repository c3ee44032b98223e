package com.pixfino.studio.core.batch;

import java.nio.file.Path;

/**
 * How a run ended, and where its reports are. {@code failure}: why the run ended early because of the server
 * (unreachable, or credentials refused), null when it did not.
 */
public record BatchOutcome(BatchProgress progress, Path csvReport, Path jsonReport, BatchFailure failure) {

    /** An outcome without a server failure. */
    public BatchOutcome(BatchProgress progress, Path csvReport, Path jsonReport) {
        this(progress, csvReport, jsonReport, null);
    }

    /** Nothing failed, nothing was canceled, nothing is left to do, and the server did not end the run. */
    public boolean allDone() {
        return failure == null && progress.failed() == 0 && progress.canceled() == 0 && progress.remaining() == 0;
    }
}
