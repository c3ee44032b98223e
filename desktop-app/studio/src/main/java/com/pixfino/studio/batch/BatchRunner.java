package com.pixfino.studio.batch;

import com.pixfino.studio.core.batch.BatchEstimate;
import com.pixfino.studio.core.batch.BatchListener;
import com.pixfino.studio.core.batch.BatchRequest;
import com.pixfino.studio.core.batch.BatchRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The batch engine as the Batch screen uses it, for the signed-in account. Blocking: the view model calls it off the
 * FX thread. Its own seam so view-model tests can script estimates and runs.
 */
public interface BatchRunner {

    BatchEstimate estimate(BatchRequest request) throws IOException;

    BatchRun start(BatchRequest request, BatchListener listener) throws IOException;

    /** The request of a batch in {@code output} that still has unfinished items. */
    Optional<BatchRequest> unfinished(Path output) throws IOException;

    /**
     * Ends the run's threads as the studio closes, without cancelling what the server already has: the manifest keeps
     * every item, and the next start resumes them (an item sent again is answered, not charged, by the server).
     */
    void leave(BatchRun run);
}
