package com.pixfino.cli;

import com.pixfino.studio.core.batch.BatchEngine;
import com.pixfino.studio.core.batch.BatchEstimate;
import com.pixfino.studio.core.batch.BatchItem;
import com.pixfino.studio.core.batch.BatchOutcome;
import com.pixfino.studio.core.batch.BatchRequest;
import com.pixfino.studio.core.batch.BatchRun;
import com.pixfino.studio.core.batch.ItemStatus;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.net.ApiFactory;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.photo.PhotoCheck;
import com.pixfino.studio.core.photo.PhotoPreparer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pixfino batch}: every photo of a folder through one or more presets, resumable, paid once per item. */
@Command(
        name = "batch",
        sortOptions = false,
        description = {
            "Run every photo of a folder through one or more presets. Results mirror the input tree in the output"
                    + " folder; pixfino-report.csv and pixfino-report.json there list every file × preset.",
            "Shows the estimate (items, credits, balance, skipped files) and asks before spending anything."
                    + " Running the same command again after a crash or Ctrl+C finishes the rest and charges"
                    + " every file × preset once."
        })
final class BatchCommand extends ServerCommand {

    /** Failed items listed after the run; the report has them all. */
    static final int PROBLEMS_SHOWN = 10;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "The folder of photos.")
    Path input;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "DIR",
            description = "Where results and the report go (created when missing).")
    Path output;

    @Option(
            names = "--preset",
            required = true,
            paramLabel = "SLUG",
            split = ",",
            description = "A preset slug (see 'pixfino presets'); repeat it, or separate slugs with commas.")
    List<String> presets;

    @Option(names = "--recursive", description = "Include subfolders; the output mirrors the tree.")
    boolean recursive;

    @Option(names = "--watch", description = "Keep running and process new photos as they arrive, until Ctrl+C.")
    boolean watch;

    @Option(names = "--dry-run", description = "Print the estimate only; start nothing.")
    boolean dryRun;

    @Option(
            names = {"--yes", "-y"},
            description = "Start without asking (for scripts).")
    boolean yes;

    @Option(names = "--overwrite", description = "Replace result files that already exist (default: keep them).")
    boolean overwrite;

    @Option(
            names = "--max-credits",
            paramLabel = "N",
            description = "Spend at most N credits; the batch stops when it would spend more.")
    Long maxCredits;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "" + BatchRequest.DEFAULT_CONCURRENCY,
            description = "Items in flight at once, 1 to 16 (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--name",
            paramLabel = "TEMPLATE",
            defaultValue = BatchRequest.DEFAULT_TEMPLATE,
            description = "Result file names under --output, from {path} {name} {preset} {ext}"
                    + " (default: ${DEFAULT-VALUE}).")
    String nameTemplate;

    BatchCommand(Console console, ApiFactory apis) {
        super(console, apis);
    }

    @Override
    public Integer call() throws Exception {
        BatchRequest request = request();
        PrintStream out = console.out();
        CompanionApi api = server.signedIn(console, apis);
        BatchEngine engine = new BatchEngine(api, new PhotoCheck(UiThreadGuard.NONE), new PhotoPreparer());
        BatchEstimate estimate = engine.estimate(request);
        EstimateText.print(out, estimate, request.presets());
        String shortfall = EstimateText.shortfall(estimate);
        if (dryRun) {
            if (shortfall != null) {
                out.println(shortfall);
            }
            out.println("Dry run: nothing started, nothing spent.");
            return ExitCode.OK;
        }
        if (shortfall != null) {
            throw new CommandFailure(ExitCode.NOT_ENOUGH_CREDITS, shortfall);
        }
        if (!yes && !confirmed()) {
            out.println("Not started; nothing was spent.");
            return ExitCode.OK;
        }
        return new BatchSession(console, engine, request).run();
    }

    private BatchRequest request() {
        if (concurrency < 1 || concurrency > 16) {
            throw CommandFailure.usage("--concurrency must be between 1 and 16, not " + concurrency + ".");
        }
        if (maxCredits != null && maxCredits < 0) {
            throw CommandFailure.usage("--max-credits must be 0 or more, not " + maxCredits + ".");
        }
        List<String> slugs = new ArrayList<>(new LinkedHashSet<>(presets.stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .toList()));
        if (slugs.isEmpty()) {
            throw CommandFailure.usage("--preset needs a preset slug; 'pixfino presets' lists them.");
        }
        Path in = Folders.input(input);
        Path out = Folders.output(output, in);
        return BatchRequest.of(in, out, slugs)
                .withRecursive(recursive)
                .withWatch(watch)
                .withOverwrite(overwrite)
                .withNameTemplate(NameTemplate.check(nameTemplate))
                .withConcurrency(concurrency)
                .withMaxCredits(maxCredits);
    }

    private boolean confirmed() {
        console.out().print("Start? [y/N] ");
        console.out().flush();
        String answer = console.readLine();
        if (answer == null || !console.terminal()) {
            // nobody pressed Enter on a terminal: end the prompt's line ourselves
            console.out().println();
        }
        if (answer == null) {
            return false;
        }
        String text = answer.strip().toLowerCase(Locale.ROOT);
        return text.equals("y") || text.equals("yes");
    }

    /** The failed items, for the summary (canceled ones are counted there, and listed in the report). */
    static List<String> problems(List<BatchItem> items) {
        return items.stream()
                .filter(item -> item.status() == ItemStatus.FAILED)
                .map(ProgressView::finished)
                .toList();
    }

    /** The run itself: progress, Ctrl+C, the summary and the exit code. */
    static final class BatchSession {

        private final Console console;
        private final BatchEngine engine;
        private final BatchRequest request;

        BatchSession(Console console, BatchEngine engine, BatchRequest request) {
            this.console = console;
            this.engine = engine;
            this.request = request;
        }

        int run() throws Exception {
            BatchSummary summary = new BatchSummary(console.out(), console.err(), request);
            try (ProgressView view = ProgressView.of(console);
                    EngineStops stops = new EngineStops(view)) {
                BatchRun run = engine.start(request, stops);
                stops.attach(run);
                if (request.watch()) {
                    console.out().println("Watching " + request.input() + " for new photos; press Ctrl+C to stop.");
                }
                try (Interrupts.Registration ignored = console.interrupts().register(() -> {
                    console.err()
                            .println(
                                    request.watch()
                                            ? "Stopping the watch: unfinished items are canceled and refunded…"
                                            : "Stopping: no new items start, queued ones are canceled and refunded…");
                    run.stop();
                    return stops.awaitExitCode();
                })) {
                    BatchOutcome outcome = run.await();
                    view.close();
                    int code = summary.print(outcome, run.items(), stops.pauseReason());
                    stops.finished(code);
                    return code;
                }
            }
        }
    }
}
