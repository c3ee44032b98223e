package com.pixfino.studio.batch;

import com.pixfino.studio.core.batch.BatchEngine;
import com.pixfino.studio.core.batch.BatchEstimate;
import com.pixfino.studio.core.batch.BatchListener;
import com.pixfino.studio.core.batch.BatchRequest;
import com.pixfino.studio.core.batch.BatchRun;
import com.pixfino.studio.core.batch.BatchRuns;
import com.pixfino.studio.core.photo.PhotoCheck;
import com.pixfino.studio.core.photo.PhotoPreparation;
import com.pixfino.studio.session.Session;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The real batch engine over the session's current connection (a new engine per call: the account may change). */
public final class EngineBatchRunner implements BatchRunner {

    private final Session session;
    private final PhotoCheck check;
    private final PhotoPreparation preparation;

    public EngineBatchRunner(Session session, PhotoCheck check, PhotoPreparation preparation) {
        this.session = session;
        this.check = check;
        this.preparation = preparation;
    }

    private BatchEngine engine() {
        return new BatchEngine(session.api(), check, preparation);
    }

    @Override
    public BatchEstimate estimate(BatchRequest request) throws IOException {
        return engine().estimate(request);
    }

    @Override
    public BatchRun start(BatchRequest request, BatchListener listener) throws IOException {
        return engine().start(request, listener);
    }

    @Override
    public Optional<BatchRequest> unfinished(Path output) throws IOException {
        return BatchEngine.unfinished(output);
    }

    @Override
    public void leave(BatchRun run) {
        BatchRuns.leave(run);
    }
}
