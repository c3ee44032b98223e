package com.pixfino.studio.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.batch.BatchViewModel.Phase;
import com.pixfino.studio.core.batch.BatchEstimate;
import com.pixfino.studio.core.batch.BatchItem;
import com.pixfino.studio.core.batch.BatchListener;
import com.pixfino.studio.core.batch.BatchOutcome;
import com.pixfino.studio.core.batch.BatchProgress;
import com.pixfino.studio.core.batch.BatchRequest;
import com.pixfino.studio.core.batch.BatchRequestException;
import com.pixfino.studio.core.batch.BatchRun;
import com.pixfino.studio.core.batch.BatchState;
import com.pixfino.studio.core.batch.ItemStatus;
import com.pixfino.studio.core.batch.NotEnoughCreditsException;
import com.pixfino.studio.core.batch.SkippedFile;
import com.pixfino.studio.create.PresetBrowserViewModel;
import com.pixfino.studio.testsupport.CurrentThreadTaskExecutor;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Set-up, estimate, start, live updates, pause, stop and the resume offer, with a scripted engine. */
class BatchViewModelTest {

    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final ScriptedRunner runner = new ScriptedRunner();
    private final StringProperty remembered = new SimpleStringProperty();
    private final List<String> opened = new ArrayList<>();
    private final AtomicInteger plansShown = new AtomicInteger();
    private SessionFixture fixture;
    private BatchViewModel viewModel;

    @BeforeEach
    void setUp() {
        fixture = new SessionFixture(dir, tasks).signedIn();
        viewModel = newViewModel();
    }

    private BatchViewModel newViewModel() {
        return new BatchViewModel(
                tasks,
                fixture.session,
                fixture.sessions,
                runner,
                new PresetBrowserViewModel(tasks, fixture.session, fixture.sessions, fixture.messages),
                fixture.messages,
                opened::add,
                remembered,
                plansShown::incrementAndGet);
    }

    @Test
    void theEstimateFollowsTheSetUpAndTheOutputFolderFollowsTheInput() {
        assertThat(viewModel.blockerProperty().get()).isEqualTo("Choose the folder of photos to run.");

        viewModel.setup().inputProperty().set(dir.resolve("shoot").toString());

        assertThat(viewModel.setup().outputProperty().get())
                .isEqualTo(dir.resolve("shoot-pixfino").toString());
        assertThat(viewModel.blockerProperty().get()).isEqualTo("Choose at least one preset on the right.");

        viewModel.setup().presets().addAll(List.of("snow-princess", "linkedin-pro"));
        assertThat(viewModel.blockerProperty().get()).isEqualTo("Working out the estimate\u2026");
        assertThat(runner.estimates).isEmpty(); // waits for the typing to settle
        assertThat(tasks.scheduledDelays()).containsExactly(BatchViewModel.ESTIMATE_DELAY);

        tasks.runScheduled();

        assertThat(runner.estimates).hasSize(1);
        BatchRequest asked = runner.estimates.get(0);
        assertThat(asked.input()).isEqualTo(dir.resolve("shoot"));
        assertThat(asked.output()).isEqualTo(dir.resolve("shoot-pixfino"));
        assertThat(asked.presets()).containsExactly("snow-princess", "linkedin-pro");
        assertThat(asked.recursive()).isTrue();
        assertThat(asked.nameTemplate()).isEqualTo(BatchRequest.DEFAULT_TEMPLATE);
        assertThat(viewModel.estimateProperty().get()).isEqualTo(runner.estimate);
        assertThat(viewModel.canStartProperty().get()).isTrue();
        assertThat(viewModel.blockerProperty().get()).isEmpty();

        // a folder the user typed is kept when the input changes
        viewModel.setup().outputProperty().set(dir.resolve("elsewhere").toString());
        viewModel.setup().inputProperty().set(dir.resolve("other").toString());
        assertThat(viewModel.setup().outputProperty().get())
                .isEqualTo(dir.resolve("elsewhere").toString());
        assertThat(viewModel.canStartProperty().get()).isFalse(); // the figures are for the old folder

        viewModel.setup().creditCapProperty().set("lots");
        assertThat(viewModel.blockerProperty().get())
                .isEqualTo("The credit cap must be a whole number above 0, or empty for no cap.");
    }

    @Test
    void aShortBalanceRefusesToStartAndOffersCredits() {
        runner.estimate = estimate(4, 2, 40, 5);
        setUpBatch();

        assertThat(viewModel.canStartProperty().get()).isFalse();
        assertThat(viewModel.blockerProperty().get())
                .isEqualTo("Not enough credits: this batch needs 40 credits and you have 5. "
                        + "Buy credits, or choose fewer photos or presets.");
        assertThat(viewModel.balanceShortProperty().get()).isTrue();

        viewModel.start();
        assertThat(runner.started).isEmpty();
        assertThat(viewModel.statusProperty().get()).startsWith("Not enough credits");

        viewModel.showPlans();
        assertThat(plansShown).hasValue(1);
    }

    @Test
    void startingShowsTheItemsAndAppliesTheEnginesNewsInCoalescedBatches() {
        setUpBatch();
        viewModel.start();

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.RUNNING);
        assertThat(runner.started).hasSize(1);
        assertThat(remembered.get()).isEqualTo(dir.resolve("shoot-pixfino").toString());
        assertThat(viewModel.rows()).hasSize(4);
        assertThat(viewModel.remainingProperty().get()).isEqualTo(4);
        BatchRow first = viewModel.rows().get(0);

        BatchListener engine = runner.listener;
        engine.itemChanged(item("a.jpg", "snow-princess", ItemStatus.UPLOADING));
        engine.itemChanged(item("a.jpg", "snow-princess", ItemStatus.RUNNING));
        engine.itemChanged(done("a.jpg", "snow-princess"));
        engine.progressChanged(progress(1, 3, BatchState.RUNNING, null));
        engine.itemChanged(item("new.jpg", "snow-princess", ItemStatus.PENDING)); // watch mode found a file

        // nothing reaches the table until the one scheduled hand-over runs
        assertThat(tasks.scheduledDelays()).containsExactly(BatchViewModel.FLUSH_INTERVAL);
        assertThat(first.item().status()).isEqualTo(ItemStatus.PENDING);

        tasks.runScheduled();

        assertThat(viewModel.rows()).hasSize(5);
        assertThat(viewModel.rows().get(0)).isSameAs(first); // updated in place, by key
        assertThat(first.item().status()).isEqualTo(ItemStatus.COMPLETED);
        assertThat(viewModel.progressProperty().get().completed()).isEqualTo(1);
        assertThat(viewModel.remainingProperty().get()).isEqualTo(3);
        assertThat(tasks.scheduledDelays()).isEmpty();
    }

    @Test
    void pauseResumeAndAConfirmedStopEndTheRunWithItsReport() {
        setUpBatch();
        viewModel.start();
        ScriptedRun run = runner.run;

        viewModel.togglePause();
        assertThat(run.calls).containsExactly("pause");
        runner.listener.progressChanged(progress(0, 4, BatchState.PAUSED, "Credit cap reached: 20 credits."));
        tasks.runScheduled();
        viewModel.togglePause();
        assertThat(run.calls).containsExactly("pause", "resume");

        viewModel.requestStop();
        assertThat(viewModel.confirmingStopProperty().get()).isTrue();
        viewModel.cancelStop();
        assertThat(run.calls).containsExactly("pause", "resume");

        viewModel.requestStop();
        viewModel.confirmStop();
        assertThat(run.calls).containsExactly("pause", "resume", "stop");
        assertThat(viewModel.confirmingStopProperty().get()).isFalse();

        run.state = new BatchProgress(4, 1, 0, 0, 3, 0, null, BatchState.STOPPED, null);
        runner.listener.progressChanged(run.state);
        tasks.runScheduled();

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.FINISHED);
        assertThat(viewModel.outcomeProperty().get().csvReport()).isEqualTo(run.report);
        assertThat(viewModel.statusProperty().get())
                .isEqualTo("Stopped: 1 result made; run it again to finish the rest.");
        assertThat(remembered.get()).isNull(); // nothing to offer at the next start

        viewModel.openReport();
        assertThat(opened).isEmpty(); // the scripted report file does not exist
        assertThat(viewModel.toneProperty().get()).isEqualTo(Tone.ERROR);

        viewModel.newBatch();
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.SETUP);
        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.setup().presets()).containsExactly("snow-princess", "linkedin-pro");
    }

    @Test
    void aSetUpTheEngineRefusesIsSaidAsAProblem() {
        runner.refuseEstimate = new BatchRequestException("There is no folder " + dir.resolve("shoot") + ".");
        setUpBatch();

        assertThat(viewModel.canStartProperty().get()).isFalse();
        assertThat(viewModel.blockerProperty().get()).isEqualTo("There is no folder " + dir.resolve("shoot") + ".");
        assertThat(viewModel.blockedByProblemProperty().get()).isTrue();

        runner.refuseEstimate = null;
        viewModel.setup().recursiveProperty().set(false);
        tasks.runScheduled();
        assertThat(viewModel.blockedByProblemProperty().get()).isFalse();
        assertThat(viewModel.canStartProperty().get()).isTrue();
    }

    @Test
    void thousandsOfEngineReportsReachTheTableAsOneChange() {
        setUpBatch();
        viewModel.start();
        int[] changes = {0};
        viewModel.rows().addListener((javafx.collections.ListChangeListener<BatchRow>) change -> changes[0]++);

        for (int i = 0; i < 5_000; i++) {
            runner.listener.itemChanged(item("many/" + i + ".jpg", "snow-princess", ItemStatus.PENDING));
            runner.listener.itemChanged(item("many/" + i + ".jpg", "snow-princess", ItemStatus.UPLOADING));
            runner.listener.progressChanged(progress(0, 5_004, BatchState.RUNNING, null));
        }
        assertThat(tasks.scheduledDelays()).hasSize(1);
        tasks.runScheduled();

        assertThat(changes[0]).isEqualTo(1);
        assertThat(viewModel.rows()).hasSize(5_004);
        assertThat(viewModel.rows().get(4_000).item().status()).isEqualTo(ItemStatus.UPLOADING);
        assertThat(viewModel.remainingProperty().get()).isEqualTo(5_004);
    }

    @Test
    void theEngineRefusingForCreditsShowsItsFigures() {
        setUpBatch();
        runner.refuse = new NotEnoughCreditsException("Not enough credits.", estimate(2, 2, 16, 4));

        viewModel.start();

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.SETUP);
        assertThat(viewModel.statusProperty().get()).isEqualTo("The batch did not start: Not enough credits.");
        assertThat(viewModel.balanceShortProperty().get()).isTrue();
    }

    @Test
    void closingMidBatchLeavesTheServerWorkAndTheNextStartOffersToResume() {
        setUpBatch();
        viewModel.start();
        viewModel.close();

        assertThat(runner.left).containsExactly(runner.run);
        assertThat(runner.run.calls).doesNotContain("stop");
        assertThat(remembered.get()).isEqualTo(dir.resolve("shoot-pixfino").toString());

        runner.unfinished = Optional.of(runner.started.get(0));
        runner.estimate = new BatchEstimate(2, 2, 4, 1, 3, 12, 100, null, List.of());
        BatchViewModel next = newViewModel();

        ResumeOffer offer = next.resumeOfferProperty().get();
        assertThat(offer.done()).isEqualTo(1);
        assertThat(offer.total()).isEqualTo(4);
        assertThat(next.remainingProperty().get()).isEqualTo(3);
        assertThat(next.setup().outputProperty().get())
                .isEqualTo(dir.resolve("shoot-pixfino").toString());
        assertThat(next.setup().presets()).containsExactly("snow-princess", "linkedin-pro");

        next.resumeInterrupted();

        assertThat(runner.started).hasSize(2);
        assertThat(runner.started.get(1)).isEqualTo(runner.started.get(0));
        assertThat(next.phaseProperty().get()).isEqualTo(Phase.RUNNING);
        assertThat(next.resumeOfferProperty().get()).isNull();
        assertThat(next.setup().inputProperty().get())
                .isEqualTo(dir.resolve("shoot").toString());
    }

    @Test
    void aBatchThatEndsBeforeTheScreenHearsItStartedStillEnds() {
        setUpBatch();
        runner.endAtOnce = true;

        viewModel.start();
        tasks.runScheduled();

        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.FINISHED);
        assertThat(viewModel.outcomeProperty().get()).isNotNull();
        assertThat(viewModel.statusProperty().get()).startsWith("Finished:");
    }

    @Test
    void signingOutLeavesTheRunForTheNextSignIn() {
        setUpBatch();
        viewModel.start();

        fixture.sessions.signOut();

        assertThat(runner.left).containsExactly(runner.run);
        assertThat(runner.run.calls).doesNotContain("stop");
        assertThat(viewModel.phaseProperty().get()).isEqualTo(Phase.SETUP);
        assertThat(viewModel.rows()).isEmpty();
        assertThat(remembered.get()).isEqualTo(dir.resolve("shoot-pixfino").toString());
    }

    @Test
    void discardingTheOfferForgetsTheBatch() {
        remembered.set(dir.resolve("old-pixfino").toString());
        runner.unfinished = Optional.of(BatchRequest.of(dir.resolve("old"), dir.resolve("old-pixfino"), List.of("x")));
        BatchViewModel next = newViewModel();
        assertThat(next.resumeOfferProperty().get()).isNotNull();

        next.discardInterrupted();

        assertThat(next.resumeOfferProperty().get()).isNull();
        assertThat(remembered.get()).isNull();
        assertThat(runner.started).isEmpty();
    }

    private void setUpBatch() {
        viewModel.setup().inputProperty().set(dir.resolve("shoot").toString());
        viewModel.setup().presets().addAll(List.of("snow-princess", "linkedin-pro"));
        tasks.runScheduled();
    }

    private static BatchEstimate estimate(int files, int presets, long credits, long balance) {
        return new BatchEstimate(
                files,
                presets,
                files * presets,
                0,
                files * presets,
                credits,
                balance,
                null,
                List.of(new SkippedFile("Thumbs.db", "A system file")));
    }

    private static BatchItem item(String file, String preset, ItemStatus status) {
        return new BatchItem(file, preset, status, 4, null, null, null);
    }

    private BatchItem done(String file, String preset) {
        return new BatchItem(
                file, preset, ItemStatus.COMPLETED, 4, dir.resolve("out/" + file), UUID.randomUUID(), null);
    }

    private static BatchProgress progress(int completed, int remaining, BatchState state, String reason) {
        return new BatchProgress(
                completed + remaining, completed, 0, 0, 0, remaining, Duration.ofSeconds(30), state, reason);
    }

    /** An engine that answers with canned figures and records what it was asked. */
    private final class ScriptedRunner implements BatchRunner {

        BatchEstimate estimate = BatchViewModelTest.estimate(2, 2, 16, 100);
        final List<BatchRequest> estimates = new ArrayList<>();
        final List<BatchRequest> started = new ArrayList<>();
        final List<BatchRun> left = new ArrayList<>();
        Optional<BatchRequest> unfinished = Optional.empty();
        IOException refuse;
        IOException refuseEstimate;
        boolean endAtOnce; // nothing left to do: the engine reports FINISHED before start() returns
        BatchListener listener;
        ScriptedRun run;

        @Override
        public BatchEstimate estimate(BatchRequest request) throws IOException {
            estimates.add(request);
            if (refuseEstimate != null) {
                throw refuseEstimate;
            }
            return estimate;
        }

        @Override
        public BatchRun start(BatchRequest request, BatchListener listener) throws IOException {
            if (refuse != null) {
                throw refuse;
            }
            started.add(request);
            this.listener = listener;
            run = new ScriptedRun(dir.resolve("shoot-pixfino/pixfino-report.csv"));
            if (endAtOnce) {
                run.ended = new BatchProgress(4, 4, 0, 0, 0, 0, null, BatchState.FINISHED, null);
                listener.progressChanged(run.ended);
                tasks.runScheduled(); // the hand-over reaches the FX thread before start() returns
                run.state = BatchViewModelTest.progress(0, 4, BatchState.RUNNING, null); // a stale snapshot
            }
            return run;
        }

        @Override
        public Optional<BatchRequest> unfinished(Path output) {
            return unfinished;
        }

        @Override
        public void leave(BatchRun run) {
            left.add(run);
        }
    }

    private static final class ScriptedRun implements BatchRun {

        final List<String> calls = new ArrayList<>();
        final Path report;
        BatchProgress state = BatchViewModelTest.progress(0, 4, BatchState.RUNNING, null);
        BatchProgress ended; // what await() reports, when it differs from the last progress()

        ScriptedRun(Path report) {
            this.report = report;
        }

        @Override
        public void pause() {
            calls.add("pause");
        }

        @Override
        public void resume() {
            calls.add("resume");
        }

        @Override
        public void stop() {
            calls.add("stop");
        }

        @Override
        public BatchProgress progress() {
            return state;
        }

        @Override
        public List<BatchItem> items() {
            return List.of(
                    item("a.jpg", "snow-princess", ItemStatus.PENDING),
                    item("a.jpg", "linkedin-pro", ItemStatus.PENDING),
                    item("b.jpg", "snow-princess", ItemStatus.PENDING),
                    item("b.jpg", "linkedin-pro", ItemStatus.PENDING));
        }

        @Override
        public BatchOutcome await() {
            return new BatchOutcome(
                    ended != null ? ended : state, report, report.resolveSibling("pixfino-report.json"));
        }
    }
}
