package com.pixfino.studio.queue;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.GenerationView;
import com.pixfino.studio.core.i18n.Messages;
import java.time.Duration;
import java.time.Instant;

/** The words and numbers a queue row shows: status, why it failed, what was refunded, how long it took. */
public final class JobText {

    private final Messages messages;

    public JobText(Messages messages) {
        this.messages = messages;
    }

    public String status(GenerationView view) {
        return messages.get("queue.status." + view.status().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The second line: the failure reason and refund, or what the job is. */
    public String detail(GenerationView view) {
        String refund = view.refunded() ? " " + messages.get("queue.refunded", view.creditsCharged()) : "";
        return switch (view.status()) {
            case FAILED ->
                messages.get(
                                "queue.failedBecause",
                                view.error() != null && view.error().message() != null
                                        ? view.error().message()
                                        : messages.get("queue.noReason"))
                        + refund;
            case CANCELED -> messages.get("queue.canceledDetail") + refund;
            case COMPLETED -> messages.get("queue.completedDetail", view.creditsCharged());
            default -> messages.get("queue.openDetail", view.creditsCharged());
        };
    }

    /** From queuing to the end, or to {@code now} while it runs: "0:07", "1:02:03". */
    public String elapsed(GenerationView view, Instant now) {
        if (view.createdAt() == null) {
            return "";
        }
        Instant start = view.createdAt().toInstant();
        Instant end = view.completedAt() != null ? view.completedAt().toInstant() : now;
        long seconds = Math.max(0, Duration.between(start, end).getSeconds());
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        return hours > 0
                ? String.format("%d:%02d:%02d", hours, minutes, rest)
                : String.format("%d:%02d", minutes, rest);
    }

    public static boolean isOpen(GenerationView view) {
        return !view.status().isFinal();
    }

    public static boolean canRetry(GenerationView view) {
        return view.status() == GenerationStatus.FAILED || view.status() == GenerationStatus.CANCELED;
    }
}
