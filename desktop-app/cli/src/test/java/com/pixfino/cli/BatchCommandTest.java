package com.pixfino.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.cli.testsupport.CliRunner;
import com.pixfino.cli.testsupport.CliRunner.Result;
import com.pixfino.cli.testsupport.LiveServer;
import com.pixfino.cli.testsupport.LiveServer.User;
import com.pixfino.cli.testsupport.PhotoTree;
import com.pixfino.cli.testsupport.Report;
import com.pixfino.model.LedgerKind;
import com.pixfino.server.testsupport.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pixfino batch}, {@code presets} and {@code balance} as a user runs them, in this JVM, against the real server
 * (embedded PostgreSQL, local renderer) and a generated folder: 3 photos in nested folders and 3 files to skip, through
 * 2 presets of 4 credits each.
 */
class BatchCommandTest {

    private static final List<String> PRESETS = List.of("snow-princess", "cyberpunk");
    private static final int COST = PhotoTree.PHOTOS.size() * PRESETS.size() * 4;

    private static LiveServer server;
    private final CliRunner cli = new CliRunner();

    @TempDir
    Path dir;

    private Path input;
    private Path output;

    @BeforeAll
    static void startServer() {
        server = new LiveServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void folders() throws IOException {
        input = PhotoTree.create(dir.resolve("in"));
        output = dir.resolve("out");
    }

    @Test
    void theEstimateAndADryRunSpendNothing() {
        User user = server.userWithKey(100);

        Result result = batch(user, "--recursive", "--dry-run");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("3 files × 2 presets (snow-princess, cyberpunk) = 6 items")
                .contains("To pay:        6 items, " + COST + " credits")
                .contains("Balance:       100 credits")
                .contains("Skipped:       3 files (never charged):")
                .contains(
                        "    notes.txt is not a JPEG, PNG or WebP image",
                        "    people/fake.jpg is not",
                        "    .DS_Store is a")
                .contains("Dry run: nothing started, nothing spent.")
                .doesNotContain("Start?");
        assertThat(user.credits()).isEqualTo(100);
        assertThat(output).doesNotExist();
    }

    @Test
    void aDeclinedOrUnansweredPromptSpendsNothing() {
        User user = server.userWithKey(100);

        Result no = cli.stdin("n\n").run(args(user, "--recursive"));
        Result eof = cli.stdin("").run(args(user, "--recursive"));

        for (Result result : List.of(no, eof)) {
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).contains("To pay:", "Start? [y/N]", "Not started; nothing was spent.");
        }
        assertThat(user.credits()).isEqualTo(100);
        assertThat(user.ledger(LedgerKind.DEBIT)).isEmpty();
        assertThat(output.resolve("pixfino-report.csv")).doesNotExist();
    }

    @Test
    void withYesTheBatchRunsToTheEndMirrorsTheTreeAndReportsEveryItemOnce() throws IOException {
        User user = server.userWithKey(100);

        Result first = batch(user, "--recursive", "--yes", "--concurrency", "3");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out())
                .contains("6/12 done, 0 failed, 6 skipped")
                .contains("completed beach.jpg × snow-princess → ")
                .contains("Finished: 6 completed, 0 failed, 6 skipped, 0 canceled, 0 left, of 12 items.")
                .contains("Report: " + output.resolve("pixfino-report.csv"));
        List<Report.Row> rows = Report.read(output);
        assertThat(rows).hasSize((PhotoTree.PHOTOS.size() + PhotoTree.SKIPPED.size()) * PRESETS.size());
        List<String> mirrored = new ArrayList<>();
        for (String photo : PhotoTree.PHOTOS) {
            String stem = photo.substring(0, photo.lastIndexOf('.'));
            for (String preset : PRESETS) {
                Report.Row row = single(rows, photo, preset);
                assertThat(row.status()).isEqualTo("completed");
                assertThat(row.credits()).isEqualTo(4);
                assertThat(row.output()).startsWith(stem + "-" + preset + ".");
                assertThat(output.resolve(row.output())).isRegularFile().isNotEmptyFile();
                mirrored.add(row.output());
            }
        }
        assertThat(mirrored).doesNotHaveDuplicates();
        for (String skipped : PhotoTree.SKIPPED) {
            for (String preset : PRESETS) {
                Report.Row row = single(rows, skipped, preset);
                assertThat(row.status()).isEqualTo("skipped");
                assertThat(row.credits()).isZero();
                assertThat(row.error()).isNotBlank();
            }
        }
        assertThat(user.credits()).isEqualTo(100 - COST);
        assertThat(user.ledger(LedgerKind.DEBIT)).hasSize(6);

        Result again = batch(user, "--recursive", "--yes");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Already done:  6", "To pay:        0 items, 0 credits");
        assertThat(Report.read(output)).hasSameSizeAs(rows);
        assertThat(user.credits()).as("nothing is paid twice").isEqualTo(100 - COST);
    }

    @Test
    void ctrlCStopsCancelsWhatIsQueuedWritesTheReportAndEndsWithOne() throws Exception {
        User user = server.userWithKey(200);
        input = PhotoTree.flat(dir.resolve("many"), 8);
        int items = 8 * PRESETS.size();

        CompletableFuture<Result> running =
                CompletableFuture.supplyAsync(() -> batch(user, "--yes", "--concurrency", "1"));
        await("a first result")
                .atMost(Duration.ofMinutes(1))
                .until(() -> cli.interrupts().armed() && Report.countResults(output) >= 1);
        int pressed = cli.interrupts().press();
        Result stopped = running.get(1, TimeUnit.MINUTES);

        assertThat(stopped.exitCode())
                .as(stopped.toString())
                .isEqualTo(ExitCode.ITEMS_LEFT)
                .isEqualTo(pressed);
        assertThat(stopped.err()).contains("Stopping: no new items start");
        assertThat(stopped.out()).contains("Stopped: ", "Run the same command again");
        List<Report.Row> rows = Report.read(output);
        assertThat(rows).hasSize(items);
        long completed =
                rows.stream().filter(r -> r.status().equals("completed")).count();
        assertThat(completed).isBetween(1L, items - 1L);
        assertThat(rows)
                .filteredOn(r -> !r.status().equals("completed"))
                .allSatisfy(row -> assertThat(row.status()).isEqualTo("canceled"));
        await("refunds of the canceled items")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(user.credits()).isEqualTo(200 - 4 * (int) completed));

        Result again = batch(user, "--yes", "--concurrency", "4");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(Report.read(output))
                .hasSize(items)
                .allSatisfy(row -> assertThat(row.status()).isEqualTo("completed"));
        assertThat(user.credits()).as("every item paid once in the end").isEqualTo(200 - 4 * items);
    }

    @Test
    void watchModePicksUpANewPhotoAndCtrlCEndsItCleanly() throws Exception {
        User user = server.userWithKey(100);
        input = PhotoTree.flat(dir.resolve("watched"), 1);

        CompletableFuture<Result> watching = CompletableFuture.supplyAsync(
                () -> cli.run(onePreset("snow-princess", server.url(), user.apiKey(), "--watch", "--yes")));
        await("the first result").atMost(Duration.ofMinutes(1)).until(() -> Report.countResults(output) == 1);
        Files.copy(input.resolve("photo-00.jpg"), input.resolve("arrived.jpg"));
        await("the new photo's result").atMost(Duration.ofMinutes(1)).until(() -> Report.countResults(output) == 2);
        int pressed = cli.interrupts().press();
        Result result = watching.get(1, TimeUnit.MINUTES);

        assertThat(result.exitCode()).as(result.toString()).isZero().isEqualTo(pressed);
        assertThat(result.out())
                .contains("Watching " + input + " for new photos; press Ctrl+C to stop.")
                .contains("completed arrived.jpg × snow-princess → ")
                .contains("Finished: 2 completed");
        assertThat(result.err()).contains("Stopping the watch");
        assertThat(Report.read(output))
                .extracting(Report.Row::file)
                .containsExactlyInAnyOrder("photo-00.jpg", "arrived.jpg");
        assertThat(user.credits()).isEqualTo(92);
    }

    @Test
    void theCreditCapStopsTheBatchWhereItIsReachedWithThree() throws IOException {
        User user = server.userWithKey(100);
        input = PhotoTree.flat(dir.resolve("capped"), 5);

        Result result = cli.run(onePreset(
                "snow-princess",
                server.url(),
                user.apiKey(),
                "--max-credits=10",
                // parallel workers: the cap must hold when several items reach it at once
                "--concurrency=4",
                "--yes"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.NOT_ENOUGH_CREDITS);
        assertThat(result.out())
                .contains("Credit cap:    10 credits (--max-credits; the batch stops when it is reached)")
                .contains("Stopped: 2 completed, 0 failed, 0 skipped, 3 canceled")
                .contains("The credit cap of 10 is reached");
        assertThat(Report.read(output)).extracting(Report.Row::status).containsOnly("completed", "canceled");
        assertThat(user.credits()).as("two items of 4 fit under the cap of 10").isEqualTo(92);
    }

    @Test
    void notEnoughCreditsEndsWithThreeBeforeAnythingIsSpent() {
        User user = server.userWithKey(5);

        Result result = batch(user, "--recursive", "--yes");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.NOT_ENOUGH_CREDITS);
        assertThat(result.err())
                .contains("needs " + COST + " credits and your balance is 5 credits")
                .contains("Account → Plans & credits");
        assertThat(user.credits()).isEqualTo(5);
    }

    @Test
    void anUnknownPresetIsAUsageErrorThatNamesTheKnownOnes() {
        User user = server.userWithKey(100);

        Result result = cli.run(onePreset("snow-princes", server.url(), user.apiKey(), "--dry-run"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("snow-princes", "Known presets:", "snow-princess", "cyberpunk");
    }

    @Test
    void aWrongKeyOrNoServerEndsWithFour() throws IOException {
        String wrongKey = "pxf_" + "A".repeat(43);
        String nowhere = "http://127.0.0.1:" + ChildProcess.freePort();

        Result refused = cli.run(onePreset("snow-princess", server.url(), wrongKey));
        Result balance = cli.run("balance", "--server=" + server.url(), "--api-key=" + wrongKey);
        Result unreachable = cli.run(onePreset("snow-princess", nowhere, wrongKey, "--yes"));

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.SERVER);
        assertThat(refused.err()).contains("refused the API key", "Account → API access");
        assertThat(balance.exitCode()).isEqualTo(ExitCode.SERVER);
        assertThat(unreachable.exitCode()).as(unreachable.toString()).isEqualTo(ExitCode.SERVER);
        assertThat(unreachable.err())
                .isEqualTo("Cannot reach the Pixfino server at " + nowhere
                        + ". Start the studio or the server, or pass --server." + System.lineSeparator());
        for (Result result : List.of(refused, balance, unreachable)) {
            assertThat(result.out() + result.err()).doesNotContain(wrongKey).doesNotContain("Exception");
        }
    }

    @Test
    void aKeyThatMayOnlyReadEndsWithFourSpendsNothingAndLeavesTheItemsForTheNextRun() throws IOException {
        User reader = server.userWithKey(100, List.of("read"));

        Result run = batch(reader, "--recursive", "--yes", "--concurrency", "1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.SERVER);
        assertThat(run.err())
                .contains("refused the credentials", "Account → API access")
                .doesNotContain("Exception");
        assertThat(run.out()).doesNotContain("failed    ");
        assertThat(reader.credits()).isEqualTo(100);
        assertThat(Report.read(output))
                .as("no item is marked failed: a key that may generate finishes them")
                .noneMatch(row -> row.status().equals("failed"));
    }

    @Test
    void presetsAndBalanceAnswerFromTheServer() {
        User user = server.userWithKey(37);

        Result presets = cli.run("presets", "--server", server.url());
        Result balance = cli.env(ServerOptions.API_KEY_ENV, user.apiKey()).run("balance", "--server", server.url());

        assertThat(presets.exitCode()).isZero();
        assertThat(presets.out().lines().findFirst())
                .hasValueSatisfying(header -> assertThat(header).matches("SLUG\\s+NAME\\s+KIND\\s+CREDITS"));
        assertThat(presets.out()).containsPattern("(?m)^snow-princess\\s+.+\\s+image\\s+4$");
        assertThat(presets.out()).containsPattern("(?m)^snow-princess-cinematic\\s+.+\\s+video\\s+20$");
        assertThat(balance.exitCode()).isZero();
        assertThat(balance.out()).isEqualTo("37 credits" + System.lineSeparator());
    }

    private Result batch(User user, String... more) {
        return cli.run(args(user, more));
    }

    private String[] args(User user, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "batch",
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--server",
                server.url(),
                "--api-key",
                user.apiKey()));
        for (String preset : PRESETS) {
            args.add("--preset");
            args.add(preset);
        }
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    // The options written --name=value, one preset: the other way a user types them.
    private String[] onePreset(String preset, String serverUrl, String apiKey, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "batch",
                "--input=" + input,
                "--output=" + output,
                "--preset=" + preset,
                "--server=" + serverUrl,
                "--api-key=" + apiKey));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static Report.Row single(List<Report.Row> rows, String file, String preset) {
        List<Report.Row> matching = rows.stream()
                .filter(row -> row.file().equals(file) && row.preset().equals(preset))
                .toList();
        assertThat(matching).as(file + " × " + preset).hasSize(1);
        return matching.get(0);
    }
}
