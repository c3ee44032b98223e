package com.pixfino.studio.batch;

import com.pixfino.studio.billing.Browser;
import com.pixfino.studio.core.batch.BatchEstimate;
import com.pixfino.studio.core.batch.BatchItem;
import com.pixfino.studio.core.batch.BatchOutcome;
import com.pixfino.studio.core.batch.BatchProgress;
import com.pixfino.studio.core.batch.BatchRequest;
import com.pixfino.studio.core.batch.BatchRequestException;
import com.pixfino.studio.core.batch.BatchRun;
import com.pixfino.studio.core.batch.BatchState;
import com.pixfino.studio.core.batch.NotEnoughCreditsException;
import com.pixfino.studio.core.batch.UnknownPresetException;
import com.pixfino.studio.core.concurrent.Cancellable;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.concurrent.TaskHandle;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.create.PresetBrowserViewModel;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The Batch screen: set up folders and presets, see the estimate, start; then the live items, progress, pause, resume
 * and stop; a batch the studio was running when it closed is offered for resume on the next start. The engine's
 * reports arrive on its threads and are handed to the FX thread at most {@link #FLUSH_INTERVAL} apart, row by row.
 */
public final class BatchViewModel {

    /** Where the screen is: setting up, starting the engine, a run going on, a run ended. */
    public enum Phase {
        SETUP,
        STARTING,
        RUNNING,
        FINISHED
    }

    static final Duration ESTIMATE_DELAY = Duration.ofMillis(400);
    static final Duration FLUSH_INTERVAL = Duration.ofMillis(100);

    private final TaskExecutor tasks;
    private final Session session;
    private final SessionViewModel sessions;
    private final BatchRunner runner;
    private final PresetBrowserViewModel presets;
    private final Messages messages;
    private final FailureMessages failures;
    private final Browser browser;
    private final StringProperty rememberedOutput;
    private final Runnable showPlans;
    private final BatchSetup setup;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.SETUP);
    private final ReadOnlyObjectWrapper<BatchEstimate> estimate = new ReadOnlyObjectWrapper<>(this, "estimate");
    private final ReadOnlyBooleanWrapper estimating = new ReadOnlyBooleanWrapper(this, "estimating");
    private final ReadOnlyStringWrapper setupProblem = new ReadOnlyStringWrapper(this, "setupProblem", "");
    // the engine refused the set-up (no such folder, a template leaving the results folder…): an error, not a step
    private final ReadOnlyBooleanWrapper estimateFailed = new ReadOnlyBooleanWrapper(this, "estimateFailed");
    private final ReadOnlyObjectWrapper<BatchProgress> progress = new ReadOnlyObjectWrapper<>(this, "progress");
    private final ReadOnlyObjectWrapper<BatchOutcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ReadOnlyObjectWrapper<BatchRequest> running = new ReadOnlyObjectWrapper<>(this, "running");
    private final ReadOnlyBooleanWrapper confirmingStop = new ReadOnlyBooleanWrapper(this, "confirmingStop");
    private final ReadOnlyObjectWrapper<ResumeOffer> resumeOffer = new ReadOnlyObjectWrapper<>(this, "resumeOffer");
    private final ReadOnlyIntegerWrapper remaining = new ReadOnlyIntegerWrapper(this, "remaining");
    private final ActivityStatus activity = new ActivityStatus();
    private final BatchRows rows = new BatchRows();
    private final StringBinding blocker;
    private final BooleanBinding canStart;
    private final BooleanBinding blockedByProblem;
    private final BooleanBinding balanceShort;

    private BatchRequest estimated; // the request the shown estimate is for
    private Cancellable pendingEstimate = Cancellable.NONE;
    private TaskHandle estimateTask = TaskHandle.NONE;
    private BatchRun run;
    private RunUpdates updates;
    private boolean closing;

    /**
     * {@code rememberedOutput}: the settings entry naming the output folder of the running batch (kept when the studio
     * closes mid-batch, cleared when a batch ends); {@code browser} opens the output folder and the report;
     * {@code showPlans} is "Buy credits".
     */
    public BatchViewModel(
            TaskExecutor tasks,
            Session session,
            SessionViewModel sessions,
            BatchRunner runner,
            PresetBrowserViewModel presets,
            Messages messages,
            Browser browser,
            StringProperty rememberedOutput,
            Runnable showPlans) {
        this.tasks = tasks;
        this.session = session;
        this.sessions = sessions;
        this.runner = runner;
        this.presets = presets;
        this.messages = messages;
        this.failures = new FailureMessages(messages);
        this.browser = browser;
        this.rememberedOutput = rememberedOutput;
        this.showPlans = showPlans;
        this.setup = new BatchSetup(messages);
        setup.onChange(this::setupChanged);
        blocker = Bindings.createStringBinding(
                this::whyNot,
                phase,
                estimate,
                estimating,
                setupProblem,
                session.signedInProperty(),
                session.onlineProperty());
        canStart = Bindings.createBooleanBinding(
                () -> phase.get() == Phase.SETUP && blocker.get().isEmpty(), blocker);
        balanceShort = Bindings.createBooleanBinding(
                () -> phase.get() == Phase.SETUP
                        && estimate.get() != null
                        && !estimate.get().enoughCredits(),
                phase,
                estimate);
        blockedByProblem = Bindings.createBooleanBinding(
                () -> balanceShort.get() || estimateFailed.get(), balanceShort, estimateFailed);
        session.creditsProperty().addListener((obs, was, now) -> {
            if (phase.get() == Phase.SETUP && estimated != null) {
                scheduleEstimate(); // bought credits: the same batch may now be affordable
            }
        });
        session.signedInProperty().addListener((obs, was, now) -> {
            if (now) {
                checkInterrupted();
            } else {
                signedOut();
            }
        });
        session.onlineProperty().addListener((obs, was, now) -> checkInterrupted());
        setupChanged();
        checkInterrupted();
    }

    // ---------- setting up and estimating ----------

    private void setupChanged() {
        if (phase.get() != Phase.SETUP) {
            return;
        }
        estimate.set(null);
        estimated = null;
        estimateFailed.set(false);
        BatchSetup.Result result = setup.request();
        setupProblem.set(result.problem());
        pendingEstimate.cancel();
        estimateTask.cancel();
        estimating.set(false);
        if (result.ok()) {
            scheduleEstimate();
        }
    }

    private void scheduleEstimate() {
        pendingEstimate.cancel();
        estimating.set(true); // Start waits for the new figures
        pendingEstimate = tasks.schedule(ESTIMATE_DELAY, this::estimateNow);
    }

    /** Works out files × presets, credits and skipped files now (the estimate also follows every change by itself). */
    public void estimateNow() {
        pendingEstimate.cancel();
        BatchSetup.Result result = setup.request();
        if (phase.get() != Phase.SETUP || !result.ok() || !session.isSignedIn()) {
            estimating.set(false);
            return;
        }
        BatchRequest request = result.request();
        estimateTask.cancel();
        estimating.set(true);
        estimateTask = tasks.run(
                () -> runner.estimate(request),
                figures -> {
                    estimating.set(false);
                    estimated = request;
                    estimate.set(figures);
                    setupProblem.set("");
                    estimateFailed.set(false);
                },
                error -> {
                    estimating.set(false);
                    estimateFailed.set(true);
                    setupProblem.set(describe(error));
                });
    }

    private String whyNot() {
        if (phase.get() != Phase.SETUP) {
            return "";
        }
        if (!session.isSignedIn()) {
            return messages.get("batch.blocked.signedOut");
        }
        if (!session.isOnline()) {
            return messages.get("batch.blocked.offline");
        }
        if (!setupProblem.get().isEmpty()) {
            return setupProblem.get();
        }
        BatchEstimate figures = estimate.get();
        if (estimating.get() || figures == null) {
            return messages.get("batch.blocked.estimating");
        }
        if (!figures.enoughCredits()) {
            return messages.get("batch.blocked.credits", figures.credits(), figures.balance());
        }
        if (figures.items() == 0 && !estimated.watch()) {
            return messages.get("batch.blocked.noPhotos");
        }
        return "";
    }

    /** A folder dropped on the screen becomes the input; a dropped file stands for the folder it is in. */
    public void useDropped(Path dropped) {
        tasks.run(
                () -> Files.isDirectory(dropped) || dropped.getParent() == null ? dropped : dropped.getParent(),
                folder -> {
                    if (phase.get() == Phase.SETUP) {
                        setup.inputProperty().set(folder.toString());
                    }
                },
                error -> activity.failed(describe(error)));
    }

    // ---------- running ----------

    /** Starts the batch that was estimated; Ctrl+Enter. */
    public void start() {
        if (!canStart.get()) {
            if (!blocker.get().isEmpty()) {
                activity.say(Tone.ERROR, blocker.get());
            }
            return;
        }
        startWith(estimated);
    }

    private void startWith(BatchRequest request) {
        pendingEstimate.cancel();
        estimateTask.cancel();
        estimating.set(false);
        phase.set(Phase.STARTING);
        resumeOffer.set(null);
        rows.clear();
        progress.set(null);
        outcome.set(null);
        running.set(request);
        activity.working(messages.get("batch.starting"));
        RunUpdates listener = new RunUpdates(tasks, FLUSH_INTERVAL, this::flush);
        updates = listener;
        tasks.run(
                () -> {
                    BatchRun started = runner.start(request, listener);
                    return new Started(started, started.items(), started.progress());
                },
                started -> {
                    if (updates != listener || closing) {
                        runner.leave(started.run());
                        return;
                    }
                    run = started.run();
                    phase.set(Phase.RUNNING);
                    rememberedOutput.set(request.output().toString());
                    rows.apply(started.items());
                    activity.clear();
                    sessions.callSucceeded();
                    flush(listener);
                    // news that came before this callback is newer than the snapshot; a batch with nothing left to
                    // do may already have ended, and ending is only noticed in showProgress
                    showProgress(progress.get() != null ? progress.get() : started.progress());
                },
                error -> {
                    updates = null;
                    running.set(null);
                    phase.set(Phase.SETUP);
                    if (error instanceof NotEnoughCreditsException short_) {
                        estimated = request;
                        estimate.set(short_.estimate());
                    } else if (!(error instanceof BatchRequestException || error instanceof UnknownPresetException)) {
                        sessions.callFailed(error);
                    }
                    activity.failed(messages.get("batch.startFailed", describe(error)));
                });
    }

    private record Started(BatchRun run, List<BatchItem> items, BatchProgress progress) {}

    /** Applies what the engine reported since the last flush; on the FX thread. */
    private void flush(RunUpdates source) {
        if (source != updates) {
            return; // a run the screen has left
        }
        rows.apply(source.drainItems());
        BatchProgress latest = source.takeProgress();
        if (latest != null) {
            showProgress(latest);
        }
    }

    private void showProgress(BatchProgress latest) {
        progress.set(latest);
        remaining.set(latest.remaining());
        if (latest.state() != BatchState.PAUSED && latest.state() != BatchState.RUNNING) {
            confirmingStop.set(latest.state() == BatchState.WATCHING && confirmingStop.get());
        }
        if ((latest.state() == BatchState.FINISHED || latest.state() == BatchState.STOPPED)
                && phase.get() == Phase.RUNNING
                && run != null) {
            collectOutcome(run, updates);
        }
    }

    private void collectOutcome(BatchRun ended, RunUpdates source) {
        phase.set(Phase.FINISHED);
        tasks.run(
                ended::await,
                result -> {
                    if (source != updates || closing) {
                        return;
                    }
                    flush(source);
                    outcome.set(result);
                    showProgress(result.progress());
                    // a batch the server's absence (or a refused sign-in) ended is offered again on the next start
                    if (result.failure() == null) {
                        rememberedOutput.set(null);
                    }
                    run = null;
                    confirmingStop.set(false);
                    sessions.refreshUser();
                    BatchProgress counts = result.progress();
                    activity.clear();
                    if (result.failure() != null) {
                        activity.say(Tone.ERROR, result.failure().message());
                    } else if (result.allDone()) {
                        activity.done(messages.get("batch.finished.allDone", counts.completed(), counts.skipped()));
                    } else if (counts.state() == BatchState.STOPPED) {
                        activity.say(Tone.INFO, messages.get("batch.finished.stopped", counts.completed()));
                    } else {
                        activity.say(
                                Tone.ERROR,
                                messages.get(
                                        "batch.finished.withFailures",
                                        counts.completed(),
                                        counts.failed() + counts.canceled()));
                    }
                },
                error -> activity.failed(messages.get("batch.reportFailed", describe(error))));
    }

    /** Pause when running, resume when paused; Ctrl+P. */
    public void togglePause() {
        BatchRun current = run;
        BatchProgress now = progress.get();
        if (current == null || phase.get() != Phase.RUNNING || now == null) {
            return;
        }
        boolean paused = now.state() == BatchState.PAUSED;
        activity.say(Tone.INFO, messages.get(paused ? "batch.resuming" : "batch.pausing"));
        tasks.run(
                () -> {
                    if (paused) {
                        current.resume();
                    } else {
                        current.pause();
                    }
                    return current.progress();
                },
                latest -> {
                    activity.clear();
                    if (current == run) {
                        showProgress(latest);
                    }
                },
                error -> activity.failed(describe(error)));
    }

    /** Asks before stopping: queued items are canceled (and refunded). Ctrl+. */
    public void requestStop() {
        if (run != null && phase.get() == Phase.RUNNING) {
            confirmingStop.set(true);
        }
    }

    public void cancelStop() {
        confirmingStop.set(false);
    }

    public void confirmStop() {
        confirmingStop.set(false);
        BatchRun current = run;
        if (current == null || phase.get() != Phase.RUNNING) {
            return;
        }
        activity.working(messages.get("batch.stopping"));
        tasks.run(
                () -> {
                    current.stop();
                    return current.progress();
                },
                latest -> {
                    if (current == run) {
                        showProgress(latest);
                    }
                },
                error -> activity.failed(messages.get("batch.stopFailed", describe(error))));
    }

    /** Back to the set-up, keeping the folders and presets (after a run). */
    public void newBatch() {
        if (phase.get() != Phase.FINISHED) {
            return;
        }
        updates = null;
        run = null;
        rows.clear();
        progress.set(null);
        outcome.set(null);
        running.set(null);
        remaining.set(0);
        activity.clear();
        phase.set(Phase.SETUP);
        setupChanged();
    }

    /** "Buy credits": the account screen's plans and packs. */
    public void showPlans() {
        showPlans.run();
    }

    public void openOutputFolder() {
        BatchRequest request = running.get() != null ? running.get() : estimated;
        if (request != null) {
            open(request.output(), "batch.openFolderFailed");
        }
    }

    public void openReport() {
        BatchOutcome result = outcome.get();
        if (result != null && result.csvReport() != null) {
            open(result.csvReport(), "batch.openReportFailed");
        }
    }

    private void open(Path path, String failureKey) {
        tasks.run(
                () -> {
                    if (!Files.exists(path)) {
                        throw new java.io.FileNotFoundException(messages.get("batch.missing", path));
                    }
                    browser.open(path.toUri().toString());
                    return path;
                },
                opened -> {},
                error -> activity.failed(messages.get(failureKey, describe(error))));
    }

    // ---------- a batch interrupted by closing the studio ----------

    private void checkInterrupted() {
        String remembered = rememberedOutput.get();
        if (remembered == null
                || remembered.isBlank()
                || phase.get() != Phase.SETUP
                || resumeOffer.get() != null
                || !session.isSignedIn()
                || !session.isOnline()) {
            return;
        }
        Path output = Path.of(remembered);
        tasks.run(
                () -> ResumeOffer.find(runner, output),
                offer -> {
                    if (phase.get() != Phase.SETUP || !remembered.equals(rememberedOutput.get())) {
                        return;
                    }
                    if (offer.isEmpty()) {
                        rememberedOutput.set(null); // finished after all, or its folder is gone
                    } else {
                        setup.show(offer.get().request()); // what Resume would run, with its estimate
                        resumeOffer.set(offer.get());
                        remaining.set(
                                Math.max(0, offer.get().total() - offer.get().done()));
                    }
                },
                error -> activity.say(Tone.ERROR, messages.get("batch.resumeCheckFailed", output, describe(error))));
    }

    /** Shows the interrupted batch's settings and runs the rest of it. */
    public void resumeInterrupted() {
        ResumeOffer offer = resumeOffer.get();
        if (offer == null || phase.get() != Phase.SETUP) {
            return;
        }
        phase.set(Phase.STARTING); // the fields below change without a new estimate
        setup.show(offer.request());
        startWith(offer.request());
    }

    /** Forgets the interrupted batch; its output folder and manifest stay, so running it again later still resumes. */
    public void discardInterrupted() {
        resumeOffer.set(null);
        remaining.set(0);
        rememberedOutput.set(null);
    }

    /**
     * Signing out leaves a running batch as closing the studio does (its calls would fail without the account); the
     * next sign-in offers to resume it.
     */
    private void signedOut() {
        BatchRun current = run;
        updates = null;
        run = null;
        pendingEstimate.cancel();
        estimateTask.cancel();
        if (current != null) {
            tasks.run(
                    () -> {
                        runner.leave(current);
                        return current;
                    },
                    left -> {},
                    error -> {});
        }
        rows.clear();
        progress.set(null);
        outcome.set(null);
        running.set(null);
        resumeOffer.set(null);
        confirmingStop.set(false);
        remaining.set(0);
        activity.clear();
        estimating.set(false);
        phase.set(Phase.SETUP);
        setupChanged();
    }

    /**
     * The studio is closing: the run's threads end without cancelling anything on the server, and the settings keep
     * the output folder so the next start offers to resume.
     */
    public void close() {
        closing = true;
        pendingEstimate.cancel();
        estimateTask.cancel();
        BatchRun current = run;
        updates = null;
        run = null;
        if (current != null) {
            runner.leave(current);
        }
    }

    private String describe(Exception error) {
        if (error instanceof BatchRequestException
                || error instanceof UnknownPresetException
                || error instanceof NotEnoughCreditsException
                || error instanceof java.io.FileNotFoundException) {
            return error.getMessage();
        }
        return failures.describe(error);
    }

    // ---------- what the view binds to ----------

    public BatchSetup setup() {
        return setup;
    }

    public PresetBrowserViewModel presets() {
        return presets;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BatchEstimate> estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty estimatingProperty() {
        return estimating.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BatchProgress> progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BatchOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** The request of the run showing (running or ended), null while setting up. */
    public ReadOnlyObjectProperty<BatchRequest> runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty confirmingStopProperty() {
        return confirmingStop.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ResumeOffer> resumeOfferProperty() {
        return resumeOffer.getReadOnlyProperty();
    }

    /** Items still to do in the running (or interrupted) batch: the navigation's badge. */
    public ReadOnlyIntegerProperty remainingProperty() {
        return remaining.getReadOnlyProperty();
    }

    public ObservableList<BatchRow> rows() {
        return rows.list();
    }

    /** Why Start is disabled right now; empty when it is not. */
    public StringBinding blockerProperty() {
        return blocker;
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    /** What keeps Start off is a problem (the engine refused the set-up, the balance is short), not a missing step. */
    public BooleanBinding blockedByProblemProperty() {
        return blockedByProblem;
    }

    /** The estimate costs more than the balance: offer "Buy credits". */
    public BooleanBinding balanceShortProperty() {
        return balanceShort;
    }

    public ReadOnlyStringProperty statusProperty() {
        return activity.messageProperty();
    }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return activity.toneProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return activity.busyProperty();
    }
}
