package com.pixfino.studio.batch;

import com.pixfino.studio.core.batch.BatchEstimate;
import com.pixfino.studio.core.batch.BatchRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A batch the studio was running when it closed: its request, and how far it got ({@code done} of {@code total}, or
 * -1 when the figures could not be had).
 */
public record ResumeOffer(BatchRequest request, int done, int total) {

    /** The offer for the batch in {@code output}, when it has unfinished items. Blocking: off the FX thread. */
    static Optional<ResumeOffer> find(BatchRunner runner, Path output) throws IOException {
        Optional<BatchRequest> request = runner.unfinished(output);
        if (request.isEmpty()) {
            return Optional.empty();
        }
        try {
            BatchEstimate figures = runner.estimate(request.get());
            return Optional.of(new ResumeOffer(request.get(), figures.alreadyDone(), figures.items()));
        } catch (IOException e) {
            return Optional.of(new ResumeOffer(request.get(), -1, -1)); // offered all the same
        }
    }
}
