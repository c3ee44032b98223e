package com.pixfino.cli;

import com.pixfino.studio.core.batch.BatchItem;
import com.pixfino.studio.core.batch.BatchListener;
import com.pixfino.studio.core.batch.BatchProgress;
import com.pixfino.studio.core.batch.BatchRun;
import com.pixfino.studio.core.batch.BatchState;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Passes the engine's news on to the progress view, and stops the run when the engine pauses it on its own (the
 * credit cap or the balance is reached): nobody is there to press Resume on a command line. Also hands the exit code
 * from the main thread to a Ctrl+C in progress.
 */
final class EngineStops implements BatchListener, AutoCloseable {

    /** How long Ctrl+C waits for the stop to cancel queued work and write the report. */
    static final long INTERRUPT_PATIENCE_SECONDS = 30;

    private final BatchListener view;
    private final AtomicReference<String> pauseReason = new AtomicReference<>();
    private final CompletableFuture<BatchRun> run = new CompletableFuture<>();
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

    EngineStops(BatchListener view) {
        this.view = view;
    }

    void attach(BatchRun started) {
        run.complete(started);
    }

    @Override
    public void itemChanged(BatchItem item) {
        view.itemChanged(item);
    }

    @Override
    public void progressChanged(BatchProgress progress) {
        view.progressChanged(progress);
        if (progress.state() == BatchState.PAUSED
                && progress.pauseReason() != null
                && pauseReason.compareAndSet(null, progress.pauseReason())) {
            // stop() may call the server: never on the engine's thread that told us
            run.thenAcceptAsync(BatchRun::stop);
        }
    }

    /** Why the engine paused the run, or null when it did not. */
    String pauseReason() {
        return pauseReason.get();
    }

    void finished(int code) {
        exitCode.complete(code);
    }

    /** For Ctrl+C: the exit code once the main thread has written the summary, or 1 when that takes too long. */
    int awaitExitCode() {
        try {
            return exitCode.get(INTERRUPT_PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.ITEMS_LEFT;
        } catch (ExecutionException | TimeoutException e) {
            return ExitCode.ITEMS_LEFT;
        }
    }

    @Override
    public void close() {
        run.cancel(false);
    }
}
