package com.pixfino.cli;

import com.pixfino.studio.core.batch.BatchItem;
import com.pixfino.studio.core.batch.BatchListener;
import com.pixfino.studio.core.batch.BatchProgress;
import com.pixfino.studio.core.batch.BatchRun;
import com.pixfino.studio.core.batch.BatchState;
import com.pixfino.studio.core.batch.ItemStatus;
import java.util.EnumSet;
import java.util.Set;
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

    private static final Set<ItemStatus> IN_FLIGHT = EnumSet.of(ItemStatus.SUBMITTED, ItemStatus.RUNNING);

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
            // never on the engine's thread that told us: stop() may call the server, and the wait takes a while
            run.thenAcceptAsync(EngineStops::stopOnceInFlightItemsFinish);
        }
    }

    /**
     * A pause lets the items already sent finish (they are paid for); stopping at once would cancel them. So wait
     * until none is submitted or running, then stop: only items never sent (held before their create) are left for
     * the next run.
     */
    private static void stopOnceInFlightItemsFinish(BatchRun paused) {
        try {
            while (paused.progress().state() == BatchState.PAUSED
                    && paused.items().stream().anyMatch(item -> IN_FLIGHT.contains(item.status()))) {
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        paused.stop();
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
