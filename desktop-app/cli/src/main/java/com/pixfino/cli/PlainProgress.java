package com.pixfino.cli;

import com.pixfino.studio.core.batch.BatchItem;
import com.pixfino.studio.core.batch.BatchProgress;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Progress for logs and pipes: a line per finished item, and the counts with the ETA at most once a second (and once
 * more at the end).
 */
final class PlainProgress implements ProgressView {

    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream out;
    private final LongSupplier clock;
    private final Set<String> told = new HashSet<>();
    private BatchProgress latest;
    private String lastCounts;
    private long lastPrinted;
    private boolean printedOnce;

    PlainProgress(PrintStream out) {
        this(out, System::nanoTime);
    }

    PlainProgress(PrintStream out, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public synchronized void itemChanged(BatchItem item) {
        String line = ProgressView.finished(item);
        // an item is told once, even when the engine repeats its final state
        if (line != null && told.add(item.file() + '\n' + item.preset())) {
            out.println(line);
        }
    }

    @Override
    public synchronized void progressChanged(BatchProgress progress) {
        latest = progress;
        long now = clock.getAsLong();
        if (printedOnce && now - lastPrinted < INTERVAL_NANOS) {
            return;
        }
        printCounts(now);
    }

    @Override
    public synchronized void close() {
        if (latest != null && !ProgressView.counts(latest).equals(lastCounts)) {
            printCounts(clock.getAsLong());
        }
        out.flush();
    }

    private void printCounts(long now) {
        String counts = ProgressView.counts(latest);
        if (counts.equals(lastCounts)) {
            return;
        }
        out.println(counts);
        lastCounts = counts;
        lastPrinted = now;
        printedOnce = true;
    }
}
