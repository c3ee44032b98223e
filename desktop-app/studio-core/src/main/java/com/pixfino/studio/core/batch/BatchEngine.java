package com.pixfino.studio.core.batch;

import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.photo.PhotoCheck;
import com.pixfino.studio.core.photo.PhotoPreparation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs folders of photos through presets on the companion server: estimate first, then a resumable run whose state
 * lives in {@code <output>/.pixfino/batch.db}, so every file × preset is charged exactly once across crashes and reruns.
 * JavaFX-free; blocking calls belong off the UI thread.
 */
public final class BatchEngine {

    private final CompanionApi api;
    private final PhotoCheck check;
    private final PhotoPreparation preparation;

    public BatchEngine(CompanionApi api, PhotoCheck check, PhotoPreparation preparation) {
        this.api = api;
        this.check = check;
        this.preparation = preparation;
    }

    /** What the request would cost and skip; writes nothing anywhere. */
    public BatchEstimate estimate(BatchRequest request) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Starts (or resumes) the batch in the background.
     *
     * @throws NotEnoughCreditsException when the balance cannot pay for the items to run
     * @throws UnknownPresetException when a preset slug is unknown
     * @throws BatchRequestException when the request cannot run as given
     */
    public BatchRun start(BatchRequest request, BatchListener listener) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }

    /** The request a batch in {@code output} was started with, when it still has unfinished items. */
    public static Optional<BatchRequest> unfinished(Path output) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }
}
