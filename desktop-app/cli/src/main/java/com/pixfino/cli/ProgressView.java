package com.pixfino.cli;

import com.pixfino.studio.core.batch.BatchItem;
import com.pixfino.studio.core.batch.BatchListener;
import com.pixfino.studio.core.batch.BatchProgress;
import com.pixfino.studio.core.batch.ItemStatus;
import java.util.Locale;

/** Shows a running batch: a bar on a terminal, plain lines in a log or a pipe. */
interface ProgressView extends BatchListener, AutoCloseable {

    /** Stops drawing; the summary follows. */
    @Override
    void close();

    static ProgressView of(Console console) {
        return console.terminal() ? new BarProgress(console.out()) : new PlainProgress(console.out());
    }

    /** "12/40 done, 1 failed, 3 skipped, ETA 0:42": counts and ETA, no bar. */
    static String counts(BatchProgress progress) {
        StringBuilder line = new StringBuilder()
                .append(progress.completed())
                .append('/')
                .append(progress.total())
                .append(" done, ")
                .append(progress.failed())
                .append(" failed, ")
                .append(progress.skipped())
                .append(" skipped");
        if (progress.canceled() > 0) {
            line.append(", ").append(progress.canceled()).append(" canceled");
        }
        if (progress.eta() != null && progress.remaining() > 0) {
            line.append(", ETA ").append(DurationText.of(progress.eta()));
        }
        return line.toString();
    }

    /** One finished item, or null for one still under way. */
    static String finished(BatchItem item) {
        if (!item.status().finished()) {
            return null;
        }
        String what = item.file() + " × " + item.preset();
        String status = item.status().name().toLowerCase(Locale.ROOT);
        if (item.status() == ItemStatus.COMPLETED) {
            return String.format(Locale.ROOT, "%-10s%s → %s", status, what, item.output() == null ? "" : item.output());
        }
        return String.format(Locale.ROOT, "%-10s%s%s", status, what, item.error() == null ? "" : ": " + item.error());
    }
}
