package com.pixfino.cli;

import com.pixfino.studio.core.batch.BatchEstimate;
import com.pixfino.studio.core.batch.SkippedFile;
import java.io.PrintStream;
import java.util.List;

/** The estimate as the user reads it before anything is spent. */
final class EstimateText {

    /** Longer lists of skipped files end with "… and N more"; the report has them all. */
    static final int SKIPPED_SHOWN = 10;

    private EstimateText() {}

    static void print(PrintStream out, BatchEstimate estimate, List<String> presets) {
        out.println("Estimate (nothing is spent until the batch starts):");
        out.println("  Photos:        " + estimate.files() + " " + plural(estimate.files(), "file", "files") + " × "
                + estimate.presets() + " " + plural(estimate.presets(), "preset", "presets") + " ("
                + String.join(", ", presets) + ") = " + estimate.items() + " "
                + plural(estimate.items(), "item", "items"));
        out.println("  Already done:  " + estimate.alreadyDone()
                + (estimate.alreadyDone() > 0 ? " (by an earlier run, not paid again)" : ""));
        out.println("  To pay:        " + estimate.toPay() + " " + plural(estimate.toPay(), "item", "items") + ", "
                + credits(estimate.credits()));
        out.println("  Balance:       " + credits(estimate.balance()));
        if (estimate.maxCredits() != null) {
            out.println("  Credit cap:    " + credits(estimate.maxCredits()) + " (--max-credits"
                    + (estimate.credits() > estimate.maxCredits() ? "; the batch stops when it is reached)" : ")"));
        }
        List<SkippedFile> skipped = estimate.skipped();
        if (skipped.isEmpty()) {
            out.println("  Skipped:       none");
            return;
        }
        out.println("  Skipped:       " + skipped.size() + " " + plural(skipped.size(), "file", "files")
                + " (never charged):");
        for (SkippedFile file : skipped.subList(0, Math.min(SKIPPED_SHOWN, skipped.size()))) {
            // the engine's reasons usually name the file already
            out.println("    "
                    + ProgressView.oneLine(
                            file.reason().contains(file.file()) ? file.reason() : file.file() + ": " + file.reason()));
        }
        if (skipped.size() > SKIPPED_SHOWN) {
            out.println("    … and " + (skipped.size() - SKIPPED_SHOWN) + " more (all in the report)");
        }
    }

    /**
     * Why the batch cannot start for lack of credits, or null when it can. With a cap the batch only needs what the cap
     * lets it spend: it runs until the cap is reached and stops there.
     */
    static String shortfall(BatchEstimate estimate) {
        long needed = estimate.maxCredits() == null
                ? estimate.credits()
                : Math.min(estimate.credits(), estimate.maxCredits());
        if (estimate.balance() < needed) {
            return "Not enough credits: the batch needs " + credits(needed) + " and your balance is "
                    + credits(estimate.balance()) + ". Buy credits in the studio: Account → Plans & credits.";
        }
        return null;
    }

    static String credits(long credits) {
        return credits + " " + plural(credits, "credit", "credits");
    }

    static String plural(long count, String one, String many) {
        return count == 1 ? one : many;
    }
}
