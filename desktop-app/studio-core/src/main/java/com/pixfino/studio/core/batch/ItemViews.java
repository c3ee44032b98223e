package com.pixfino.studio.core.batch;

import com.pixfino.studio.core.i18n.Messages;
import java.nio.file.Path;
import java.util.Collection;

/**
 * How the manifest's items look to listeners and in the reports. Once a run is over, an item it left open shows as
 * canceled, saying whether it was never sent (a rerun sends it) or the server may have it (a rerun collects it without
 * paying again).
 */
final class ItemViews {

    private final Messages messages;
    private final Path output;

    ItemViews(Messages messages, Path output) {
        this.messages = messages;
        this.output = output;
    }

    BatchItem view(ManifestItem item, boolean runOver) {
        return runOver && !item.status().finished() ? ended(item) : live(item);
    }

    /** As a report shows it: every row has ended. */
    BatchItem ended(ManifestItem item) {
        if (item.status().finished()) {
            return live(item);
        }
        String why = item.paid() ? "batch.stoppedWhileRunning" : "batch.stoppedBeforeSent";
        return new BatchItem(
                item.file(),
                item.preset(),
                ItemStatus.CANCELED,
                item.paid() && item.generationId() != null ? item.credits() : 0,
                null,
                item.generationId(),
                messages.get(why));
    }

    private BatchItem live(ManifestItem item) {
        boolean saved = item.output() != null && item.status() == ItemStatus.COMPLETED;
        return new BatchItem(
                item.file(),
                item.preset(),
                item.status(),
                item.credits(),
                saved ? output.resolve(item.output()) : null,
                item.generationId(),
                item.error());
    }

    BatchProgress progress(
            Collection<ManifestItem> items,
            boolean runOver,
            Throughput throughput,
            long nowNanos,
            BatchState state,
            String pauseReason) {
        int completed = 0;
        int failed = 0;
        int skipped = 0;
        int canceled = 0;
        for (ManifestItem item : items) {
            switch (view(item, runOver).status()) {
                case COMPLETED -> completed++;
                case FAILED -> failed++;
                case SKIPPED -> skipped++;
                case CANCELED -> canceled++;
                default -> {}
            }
        }
        int total = items.size();
        int remaining = total - completed - failed - skipped - canceled;
        return new BatchProgress(
                total,
                completed,
                failed,
                skipped,
                canceled,
                remaining,
                throughput.eta(remaining, nowNanos),
                state,
                pauseReason);
    }
}
