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
                .append(outcomes(progress));
        if (progress.eta() != null && progress.remaining() > 0) {
            line.append(", ETA ").append(DurationText.of(progress.eta()));
        }
        return line.toString();
    }

    /** "1 failed, 3 skipped" and, when there are any, ", 2 canceled". */
    static String outcomes(BatchProgress progress) {
        String line = progress.failed() + " failed, " + progress.skipped() + " skipped";
        return progress.canceled() > 0 ? line + ", " + progress.canceled() + " canceled" : line;
    }

    /** One finished item, or null for one still under way. */
    static String finished(BatchItem item) {
        if (!item.status().finished()) {
            return null;
        }
        String what = oneLine(item.file()) + " × " + item.preset();
        String status = item.status().name().toLowerCase(Locale.ROOT);
        if (item.status() == ItemStatus.COMPLETED) {
            return String.format(
                    Locale.ROOT,
                    "%-10s%s → %s",
                    status,
                    what,
                    item.output() == null ? "" : oneLine(item.output().toString()));
        }
        return String.format(
                Locale.ROOT, "%-10s%s%s", status, what, item.error() == null ? "" : ": " + oneLine(item.error()));
    }

    /**
     * A file name as one line of output: control characters (a newline in a name, an escape sequence) are shown as
     * {@code \n}, {@code \t} or a four-digit code, so one item is one line and a name cannot drive the terminal.
     */
    static String oneLine(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                shown.append("\\n");
            } else if (c == '\t') {
                shown.append("\\t");
            } else if (c == '\r') {
                shown.append("\\r");
            } else if (Character.isISOControl(c)) {
                shown.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
