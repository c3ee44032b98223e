package com.pixfino.cli;

import com.pixfino.studio.core.batch.BatchProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on a terminal: one redrawn bar with the counts, and the engine's ETA (from the throughput of finished
 * items, not from time spent waiting in the queue). The bar appears with the first news, so a batch that cannot start
 * draws none.
 */
final class BarProgress implements ProgressView {

    private final PrintStream out;
    private volatile Duration eta;
    private ProgressBar bar;
    private boolean closed;

    BarProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void progressChanged(BatchProgress progress) {
        if (closed) {
            return;
        }
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName("pixfino")
                    .setInitialMax(progress.total())
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(out))
                    .setEtaFunction(state -> Optional.ofNullable(eta))
                    .build();
        }
        eta = progress.remaining() > 0 ? progress.eta() : Duration.ZERO;
        bar.maxHint(progress.total());
        bar.stepTo(progress.total() - progress.remaining());
        bar.setExtraMessage(progress.completed() + " done, " + ProgressView.outcomes(progress));
    }

    @Override
    public synchronized void close() {
        // closing redraws the bar: once, before the summary
        if (!closed) {
            closed = true;
            if (bar != null) {
                bar.close();
            }
        }
    }
}
