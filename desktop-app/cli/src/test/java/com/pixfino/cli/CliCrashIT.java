package com.pixfino.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.cli.testsupport.CliJar;
import com.pixfino.cli.testsupport.LiveServer;
import com.pixfino.cli.testsupport.LiveServer.User;
import com.pixfino.cli.testsupport.PhotoTree;
import com.pixfino.cli.testsupport.Report;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.api.LedgerEntryView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: the packaged CLI is killed (SIGKILL) mid-batch and run again with the same arguments; every file ×
 * preset is charged exactly once (one ledger debit per item), every output exists and the report is complete.
 */
class CliCrashIT {

    private static final int PHOTOS = 10;
    private static final List<String> PRESETS = List.of("snow-princess", "cyberpunk");
    private static final int ITEMS = PHOTOS * PRESETS.size();
    private static final Pattern RESULT = Pattern.compile("photo-\\d\\d-(snow-princess|cyberpunk)\\.(jpg|png)");

    @AutoClose
    private static final LiveServer server = new LiveServer();

    @TempDir
    Path dir;

    @Test
    void aBatchKilledMidwayAndRunAgainChargesEveryItemOnceAndFinishes() throws Exception {
        User user = server.userWithKey(500);
        Path input = PhotoTree.flat(dir.resolve("in"), PHOTOS);
        Path output = dir.resolve("out");
        Map<String, String> env = Map.of(ServerOptions.API_KEY_ENV, user.apiKey());
        String[] args = {
            "batch",
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--preset",
            PRESETS.get(0),
            "--preset",
            PRESETS.get(1),
            "--server",
            server.url(),
            "--concurrency",
            "1",
            "--yes"
        };

        try (CliJar first = CliJar.start(dir.resolve("first.log"), env, args)) {
            awaitResults("some results, not all", first, output, 2);
            first.kill();
            assertThat(results(output)).as(first.log()).isBetween(2L, (long) ITEMS - 1);
        }

        try (CliJar second = CliJar.start(dir.resolve("second.log"), env, args)) {
            assertThat(second.exitCode(180)).as(second.log()).isZero();
            assertThat(second.log()).contains("Already done:").contains("Finished: " + ITEMS + " completed");
        }

        List<Report.Row> rows = Report.read(output);
        assertThat(rows).hasSize(ITEMS);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo("completed");
            assertThat(output.resolve(row.output())).isRegularFile();
        });
        assertThat(rows.stream().map(row -> row.file() + " × " + row.preset())).doesNotHaveDuplicates();
        assertThat(results(output)).isEqualTo(ITEMS);
        List<LedgerEntryView> debits = user.ledger(LedgerKind.DEBIT);
        assertThat(debits).as("one debit per file × preset").hasSize(ITEMS);
        assertThat(debits.stream().map(LedgerEntryView::reference)).doesNotHaveDuplicates();
        assertThat(user.ledger(LedgerKind.REFUND)).isEmpty();
        assertThat(user.credits()).isEqualTo(500 - ITEMS * 4);
    }

    @Test
    void aStopSignalCancelsWhatIsQueuedWritesTheReportAndEndsWithOne() throws Exception {
        User user = server.userWithKey(500);
        Path input = PhotoTree.flat(dir.resolve("in"), PHOTOS);
        Path output = dir.resolve("out");

        try (CliJar run = CliJar.start(
                dir.resolve("run.log"),
                Map.of(ServerOptions.API_KEY_ENV, user.apiKey()),
                "batch",
                "--input=" + input,
                "--output=" + output,
                "--preset=" + PRESETS.get(0),
                "--preset=" + PRESETS.get(1),
                "--server=" + server.url(),
                "--concurrency=1",
                "--yes")) {
            awaitResults("a first result", run, output, 1);
            run.terminate();

            assertThat(run.exitCode(60)).as(run.log()).isEqualTo(ExitCode.ITEMS_LEFT);
            assertThat(run.log()).contains("Stopping: no new items start", "Stopped: ", "Report: ");
        }
        List<Report.Row> rows = Report.read(output);
        assertThat(rows).hasSize(ITEMS);
        long completed =
                rows.stream().filter(r -> r.status().equals("completed")).count();
        assertThat(completed).isBetween(1L, ITEMS - 1L);
        assertThat(rows).extracting(Report.Row::status).containsOnly("completed", "canceled");
        await("refunds of what was canceled")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(user.credits()).isEqualTo(500 - 4 * (int) completed));
    }

    /** Waits until {@code output} holds {@code atLeast} results, failing at once if the CLI died meanwhile. */
    private static void awaitResults(String what, CliJar cli, Path output, long atLeast) {
        await(what)
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    assertThat(cli.alive()).as(cli.log()).isTrue();
                    return results(output) >= atLeast;
                });
    }

    private static long results(Path output) throws IOException {
        if (!Files.isDirectory(output)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(f -> RESULT.matcher(f.getFileName().toString()).matches())
                    .count();
        }
    }
}
