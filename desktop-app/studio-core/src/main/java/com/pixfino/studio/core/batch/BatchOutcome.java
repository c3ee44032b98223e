package com.pixfino.studio.core.batch;

import java.nio.file.Path;

/** How a run ended, and where its reports are. */
public record BatchOutcome(BatchProgress progress, Path csvReport, Path jsonReport) {

    /** Nothing failed, nothing was canceled, nothing is left to do. */
    public boolean allDone() {
        return progress.failed() == 0 && progress.canceled() == 0 && progress.remaining() == 0;
    }
}
