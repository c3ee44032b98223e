package com.pixfino.studio.batch;

import com.pixfino.studio.core.batch.BatchEstimate;
import com.pixfino.studio.core.batch.BatchProgress;
import com.pixfino.studio.core.batch.BatchState;
import com.pixfino.studio.core.batch.ItemStatus;
import com.pixfino.studio.core.batch.SkippedFile;
import com.pixfino.studio.core.i18n.Messages;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The Batch screen's figures in words: estimate, counts, time left, state, an item's status. */
final class BatchTexts {

    private final Messages messages;

    BatchTexts(Messages messages) {
        this.messages = messages;
    }

    String items(BatchEstimate estimate) {
        return messages.get("batch.estimate.items", estimate.files(), estimate.presets(), estimate.items());
    }

    String cost(BatchEstimate estimate) {
        String cost = messages.get("batch.estimate.cost", estimate.credits(), estimate.balance());
        return estimate.maxCredits() == null
                ? cost
                : cost + " \u00b7 " + messages.get("batch.estimate.cap", estimate.maxCredits());
    }

    String done(BatchEstimate estimate) {
        return messages.get("batch.estimate.done", estimate.alreadyDone());
    }

    String skippedTitle(BatchEstimate estimate) {
        return messages.get("batch.skipped.title", estimate.skipped().size());
    }

    List<String> skippedLines(BatchEstimate estimate) {
        return estimate.skipped().stream().map(this::skipped).toList();
    }

    private String skipped(SkippedFile file) {
        return messages.get("batch.skipped.line", file.file(), file.reason());
    }

    String counts(BatchProgress progress) {
        String counts = messages.get(
                "batch.counts", progress.completed(), progress.failed(), progress.skipped(), progress.remaining());
        return progress.canceled() == 0 ? counts : messages.get("batch.counts.canceled", counts, progress.canceled());
    }

    /** How much of the batch is behind it, 0 to 1. */
    static double fraction(BatchProgress progress) {
        if (progress.total() <= 0) {
            return progress.state() == BatchState.FINISHED ? 1 : 0;
        }
        int behind = progress.completed() + progress.failed() + progress.skipped() + progress.canceled();
        return Math.min(1, (double) behind / progress.total());
    }

    String eta(BatchProgress progress) {
        if (progress.state() != BatchState.RUNNING) {
            return "";
        }
        return progress.eta() == null
                ? messages.get("batch.eta.unknown")
                : messages.get("batch.eta", duration(progress.eta()));
    }

    String duration(Duration left) {
        long seconds = Math.max(0, left.toSeconds());
        if (seconds < 90) {
            return messages.get("batch.eta.seconds", seconds);
        }
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 60) {
            return messages.get("batch.eta.minutes", minutes);
        }
        return messages.get("batch.eta.hours", minutes / 60, minutes % 60);
    }

    String state(BatchProgress progress) {
        return switch (progress.state()) {
            case RUNNING -> messages.get("batch.state.running");
            case PAUSED ->
                progress.pauseReason() == null || progress.pauseReason().isBlank()
                        ? messages.get("batch.state.paused")
                        : messages.get("batch.state.pausedBecause", progress.pauseReason());
            case WATCHING -> messages.get("batch.state.watching");
            case STOPPING -> messages.get("batch.state.stopping");
            case STOPPED -> messages.get("batch.state.stopped");
            case FINISHED -> messages.get("batch.state.finished");
        };
    }

    String status(ItemStatus status) {
        return messages.get("batch.status." + status.name().toLowerCase(Locale.ROOT));
    }
}
