package com.pixfino.studio.queue;

import com.pixfino.model.api.PresetView;
import com.pixfino.studio.core.concurrent.Cancellable;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.generate.PendingGeneration;
import com.pixfino.studio.core.generate.PendingGenerations;
import com.pixfino.studio.core.generate.PendingReplay;
import com.pixfino.studio.core.generate.PhotoSource;
import com.pixfino.studio.core.generate.TakeSettings;
import com.pixfino.studio.core.generate.Takes;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionHttpException;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.core.photo.PhotoInfo;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Generations asked for while offline: kept on this computer, shown in the Queue as "Waiting for connection", and sent
 * in order, each once, when the server can be reached (on start and on reconnect); a server in trouble is tried
 * again with backoff. UI thread only; the store and the network are used in the background.
 */
public final class WaitingGenerations {

    private record Replayed(PendingReplay.Outcome outcome, List<PendingGeneration> left) {}

    private final TaskExecutor tasks;
    private final Session session;
    private final SessionViewModel sessions;
    private final PendingGenerations store;
    private final PendingReplay replay;
    private final Messages messages;
    private final FailureMessages failures;
    private final Consumer<UUID> sent;
    private final Backoff backoff;
    private final Clock clock;
    private final ObservableList<PendingGeneration> requests = FXCollections.observableArrayList();
    private final ObservableList<PendingGeneration> readOnlyRequests =
            FXCollections.unmodifiableObservableList(requests);
    private final IntegerBinding waitingCount;
    private final IntegerBinding waitingCredits;
    private final ActivityStatus activity = new ActivityStatus();
    private final SecureRandom dice = new SecureRandom(); // the seeds of takes kept offline
    private boolean replaying;
    private boolean replayAgain;
    private int troubles;
    private int account; // results for an account that signed out meanwhile are dropped
    private Cancellable retry = Cancellable.NONE;

    /** {@code sent} hears the id of each job the server accepted from a waiting request (the queue shows it). */
    public WaitingGenerations(
            TaskExecutor tasks,
            Session session,
            SessionViewModel sessions,
            PendingGenerations store,
            Messages messages,
            Consumer<UUID> sent,
            Backoff backoff,
            Clock clock) {
        this.tasks = tasks;
        this.session = session;
        this.sessions = sessions;
        this.store = store;
        this.replay = new PendingReplay(store, messages);
        this.messages = messages;
        this.failures = new FailureMessages(messages);
        this.sent = sent;
        this.backoff = backoff;
        this.clock = clock;
        waitingCount = Bindings.createIntegerBinding(
                () -> (int)
                        requests.stream().filter(PendingGeneration::isWaiting).count(),
                requests);
        waitingCredits = Bindings.createIntegerBinding(
                () -> requests.stream()
                        .filter(PendingGeneration::isWaiting)
                        .mapToInt(PendingGeneration::credits)
                        .sum(),
                requests);
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            account++;
            retry.cancel();
            replaying = false;
            replayAgain = false;
            requests.clear();
            activity.clear();
            if (signedIn) {
                load();
            }
        });
        session.onlineProperty().addListener((obs, was, online) -> {
            if (online) {
                replayNow();
            }
        });
        if (session.isSignedIn()) {
            load();
        }
    }

    /** Keeps one take for when the server is back; {@code kept} or {@code failed} hears how it went. */
    public void hold(
            PhotoInfo photo,
            PresetView preset,
            String prompt,
            Consumer<PendingGeneration> kept,
            Consumer<Exception> failed) {
        hold(
                PhotoSource.local(photo),
                preset,
                Takes.single(preset.id(), prompt),
                rows -> kept.accept(rows.get(0)),
                failed);
    }

    /**
     * Keeps every take of one request for when the server is back: one group, each take its own Idempotency-Key
     * and seed (chosen now, so every later attempt is the same request), the photo kept once; {@code kept} hears
     * the rows, or {@code failed} why none was kept.
     */
    public void hold(
            PhotoSource photo,
            PresetView preset,
            Takes takes,
            Consumer<List<PendingGeneration>> kept,
            Consumer<Exception> failed) {
        String owner = session.ownerId();
        int asked = account;
        UUID group = takes.count() > 1 ? UUID.randomUUID() : null;
        List<String> keys = new ArrayList<>();
        List<TakeSettings> each = new ArrayList<>();
        for (Long seed : takes.seeds(dice)) {
            keys.add(UUID.randomUUID().toString());
            each.add(new TakeSettings(
                    takes.negativePrompt(),
                    takes.format() == null ? null : takes.format().label(),
                    seed,
                    group,
                    takes.styleId()));
        }
        tasks.run(
                () -> store.addTakes(
                        owner,
                        photo,
                        preset.id(),
                        preset.name(),
                        takes.prompt(),
                        preset.kind(),
                        preset.credits(),
                        keys,
                        each,
                        clock.instant()),
                rows -> {
                    if (asked == account) {
                        requests.addAll(rows);
                        kept.accept(rows);
                        replayNow(); // the connection may have come back meanwhile
                    }
                },
                failed::accept);
    }

    /** Cancels every take of a group that still waits: nothing was charged, nothing will be. */
    public void cancelGroup(UUID groupId) {
        List<PendingGeneration> takes = requests.stream()
                .filter(r -> r.isWaiting() && groupId.equals(r.settings().groupId()))
                .toList();
        if (takes.isEmpty()) {
            return;
        }
        tasks.run(
                () -> {
                    List<Long> withdrawn = new ArrayList<>();
                    for (PendingGeneration take : takes) {
                        if (replay.withdraw(take.id())) {
                            withdrawn.add(take.id());
                        }
                    }
                    return withdrawn;
                },
                withdrawn -> {
                    requests.removeIf(r -> takes.stream().anyMatch(t -> t.id() == r.id()));
                    activity.say(
                            withdrawn.size() == takes.size() ? Tone.SUCCESS : Tone.INFO,
                            withdrawn.isEmpty()
                                    ? messages.get(
                                            "queue.waiting.alreadySent",
                                            takes.get(0).presetName())
                                    : messages.get(
                                            "queue.waiting.groupCanceled",
                                            takes.get(0).presetName(),
                                            withdrawn.size()));
                },
                error ->
                        activity.say(Tone.ERROR, messages.get("queue.waiting.cancelFailed", failures.describe(error))));
    }

    /** Takes a waiting request back: nothing was charged, nothing will be. */
    public void cancel(PendingGeneration request) {
        tasks.run(
                () -> replay.withdraw(request.id()),
                withdrawn -> {
                    requests.removeIf(r -> r.id() == request.id());
                    activity.say(
                            withdrawn ? Tone.SUCCESS : Tone.INFO,
                            messages.get(
                                    withdrawn ? "queue.waiting.canceled" : "queue.waiting.alreadySent",
                                    request.presetName()));
                },
                error ->
                        activity.say(Tone.ERROR, messages.get("queue.waiting.cancelFailed", failures.describe(error))));
    }

    /** Removes a request the server refused. */
    public void remove(PendingGeneration request) {
        tasks.run(
                () -> replay.dismiss(request.id()),
                removed -> {
                    requests.removeIf(r -> r.id() == request.id());
                    activity.say(Tone.INFO, messages.get("queue.waiting.dismissed", request.presetName()));
                },
                error ->
                        activity.say(Tone.ERROR, messages.get("queue.waiting.cancelFailed", failures.describe(error))));
    }

    /** Sends what waits, if the server can be reached; a replay asked for during one runs after it. */
    public void replayNow() {
        if (!session.isSignedIn() || !session.isOnline()) {
            return;
        }
        if (replaying) {
            replayAgain = true;
            return;
        }
        if (requests.stream().noneMatch(PendingGeneration::isWaiting)) {
            return;
        }
        replaying = true;
        retry.cancel();
        int asked = account;
        CompanionApi api = session.api();
        String owner = session.ownerId();
        activity.working(messages.get("queue.waiting.sending"));
        tasks.run(
                () -> {
                    PendingReplay.Outcome outcome = replay.replay(api, owner);
                    return new Replayed(outcome, store.list(owner));
                },
                replayed -> {
                    if (asked == account) {
                        replayed(replayed);
                    }
                },
                error -> {
                    if (asked == account) {
                        replaying = false;
                        activity.failed(failures.describe(error));
                    }
                });
    }

    private void replayed(Replayed replayed) {
        replaying = false;
        requests.setAll(replayed.left());
        PendingReplay.Outcome outcome = replayed.outcome();
        for (PendingReplay.Sent one : outcome.sent()) {
            sent.accept(one.accepted().id());
        }
        if (!outcome.sent().isEmpty()) {
            sessions.callSucceeded();
            sessions.refreshUser(); // the balance moved on the server
            activity.done(messages.get("queue.waiting.sent", outcome.sent().size()));
        } else {
            activity.clear();
        }
        outcome.stoppedBy().ifPresentOrElse(this::stopped, () -> troubles = 0);
        if (replayAgain) {
            replayAgain = false;
            replayNow();
        }
    }

    private void stopped(Exception error) {
        if (FailureMessages.isNetwork(error)
                || error instanceof CompanionHttpException http && http.statusCode() == 401) {
            // Offline again, or the sign-in ended: coming back online (or signing in) sends them.
            activity.clear();
            sessions.callFailed(error);
            return;
        }
        Duration wait = error instanceof CompanionHttpException http
                ? http.retryAfter().orElse(backoff.delay(troubles))
                : backoff.delay(troubles);
        troubles++;
        activity.failed(
                messages.get("queue.waiting.retrying", failures.describe(error), Math.max(1, wait.toSeconds())));
        retry = tasks.schedule(wait, this::replayNow);
    }

    /** Waiting and refused requests, oldest first. */
    public ObservableList<PendingGeneration> requests() {
        return readOnlyRequests;
    }

    public IntegerBinding waitingCountProperty() {
        return waitingCount;
    }

    /** What the waiting requests will cost when sent: the balance a new request is checked against is less by this. */
    public IntegerBinding waitingCreditsProperty() {
        return waitingCredits;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return activity.messageProperty();
    }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return activity.toneProperty();
    }

    /** Stops the retry timer (on exit). */
    public void stop() {
        retry.cancel();
    }

    private void load() {
        String owner = session.ownerId();
        if (owner == null) {
            return;
        }
        int asked = account;
        tasks.run(
                () -> store.list(owner),
                found -> {
                    if (asked == account) {
                        requests.setAll(found);
                        replayNow();
                    }
                },
                error -> activity.failed(failures.describe(error)));
    }
}
