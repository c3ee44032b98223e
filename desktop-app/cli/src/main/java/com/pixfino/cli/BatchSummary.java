package com.pixfino.cli;

import com.pixfino.studio.core.batch.BatchFailure;
import com.pixfino.studio.core.batch.BatchItem;
import com.pixfino.studio.core.batch.BatchOutcome;
import com.pixfino.studio.core.batch.BatchProgress;
import com.pixfino.studio.core.batch.BatchRequest;
import java.io.PrintStream;
import java.util.List;

/** The lines after a run: the counts, what failed, where the reports are; and the exit code they mean. */
final class BatchSummary {

    private final PrintStream out;
    private final PrintStream err;
    private final BatchRequest request;

    BatchSummary(PrintStream out, PrintStream err, BatchRequest request) {
        this.out = out;
        this.err = err;
        this.request = request;
    }

    int print(BatchOutcome outcome, List<BatchItem> items, String pauseReason) {
        BatchProgress p = outcome.progress();
        out.println();
        out.println((outcome.allDone() ? "Finished: " : "Stopped: ") + p.completed() + " completed, " + p.failed()
                + " failed, " + p.skipped() + " skipped, " + p.canceled() + " canceled, " + p.remaining()
                + " left, of " + p.total() + " " + EstimateText.plural(p.total(), "item", "items") + ".");
        List<String> problems = BatchCommand.problems(items);
        if (!problems.isEmpty()) {
            out.println("Failed:");
            problems.stream().limit(BatchCommand.PROBLEMS_SHOWN).forEach(line -> out.println("  " + line));
            if (problems.size() > BatchCommand.PROBLEMS_SHOWN) {
                out.println("  … and " + (problems.size() - BatchCommand.PROBLEMS_SHOWN) + " more (all in the report)");
            }
        }
        if (outcome.csvReport() != null) {
            out.println("Report: " + outcome.csvReport());
        }
        if (outcome.jsonReport() != null) {
            out.println("        " + outcome.jsonReport());
        }
        BatchFailure failure = outcome.failure();
        if (failure != null) {
            // the server went away or refused the key: the items left keep their state for the next run
            err.println(
                    failure.kind() == BatchFailure.Kind.CREDENTIALS_REFUSED
                            ? failure.message() + " " + Failures.KEY_HELP
                            : failure.message());
            return ExitCode.SERVER;
        }
        if (pauseReason != null) {
            out.println(pauseReason);
            out.println("Run the same command again (with a higher --max-credits, or after buying credits in the"
                    + " studio: Account → Plans & credits) to finish the rest; nothing is paid twice.");
            return ExitCode.NOT_ENOUGH_CREDITS;
        }
        if (outcome.allDone()) {
            return ExitCode.OK;
        }
        if (p.remaining() > 0 || p.canceled() > 0) {
            out.println("Run the same command again to finish the rest: finished items are kept and not paid twice"
                    + " (output: " + request.output() + ").");
        }
        return ExitCode.ITEMS_LEFT;
    }
}
