package com.pixfino.studio.queue;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.Page;
import com.pixfino.model.api.billing.BalanceEvent;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.concurrent.TaskHandle;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Every job of the user with its live status; cancel and retry. */
public final class QueueViewModel implements LiveUpdates.Target {

    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 10;
    private static final Comparator<JobItem> NEWEST_FIRST = Comparator.comparing(
            (JobItem job) -> job.view().createdAt(), Comparator.nullsLast(Comparator.reverseOrder()));

    private final TaskExecutor tasks;
    private final Session session;
    private final SessionViewModel sessions;
    private final Messages messages;
    private final FailureMessages failures;
    private final Clock clock;
    private final Consumer<GenerationView> completed;
    private final LiveUpdates live;
    private final ObservableList<JobItem> jobs =
            FXCollections.observableArrayList(job -> new javafx.beans.Observable[] {job.viewProperty()});
    private final IntegerBinding activeCount;
    private final ReadOnlyObjectWrapper<Instant> now;
    private final ActivityStatus activity = new ActivityStatus();
    private TaskHandle listing = TaskHandle.NONE;
    private boolean refreshing;
    private boolean firstLoad = true;
    private boolean refreshAgain;

    /** {@code completed} hears of each job that finished with a result (the gallery adds it). */
    public QueueViewModel(
            TaskExecutor tasks,
            Session session,
            SessionViewModel sessions,
            Messages messages,
            Clock clock,
            Consumer<GenerationView> completed,
            Backoff backoff,
            Duration pollInterval) {
        this.tasks = tasks;
        this.session = session;
        this.sessions = sessions;
        this.messages = messages;
        this.failures = new FailureMessages(messages);
        this.clock = clock;
        this.completed = completed;
        this.now = new ReadOnlyObjectWrapper<>(this, "now", clock.instant());
        this.live = new LiveUpdates(tasks, session::api, this, backoff, pollInterval);
        this.activeCount = Bindings.createIntegerBinding(
                () -> (int)
                        jobs.stream().filter(job -> JobText.isOpen(job.view())).count(),
                jobs);
        session.onlineProperty().addListener((obs, was, online) -> {
            if (online && session.isSignedIn()) {
                live.reconnectNow();
            }
        });
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            if (signedIn) {
                live.start();
            } else {
                live.stop();
                listing.cancel(); // the last account's jobs must not come back
                refreshing = false;
                refreshAgain = false;
                jobs.clear();
                activity.clear();
                firstLoad = true;
            }
        });
    }

    /** Reads every job from the server again (F5, after a reconnect, on each poll). */
    @Override
    public void resync() {
        if (!session.isSignedIn()) {
            return;
        }
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        CompanionApi api = session.api();
        listing = tasks.run(
                () -> allJobs(api),
                views -> {
                    finishRefresh();
                    sessions.callSucceeded();
                    merge(views);
                },
                error -> {
                    finishRefresh();
                    sessions.callFailed(error);
                });
    }

    private void finishRefresh() {
        refreshing = false;
        if (refreshAgain) {
            refreshAgain = false;
            resync();
        }
    }

    private static List<GenerationView> allJobs(CompanionApi api) throws Exception {
        List<GenerationView> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<GenerationView> page = api.generations(null, cursor, PAGE_SIZE);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && ++pages < MAX_PAGES);
        return all;
    }

    /** One job changed (an event from the server, or the answer to Generate). */
    @Override
    public void changed(UUID id) {
        if (!session.isSignedIn()) {
            return;
        }
        CompanionApi api = session.api();
        tasks.run(
                () -> api.generation(id),
                view -> {
                    if (upsert(view, true)) {
                        sessions.refreshUser();
                    }
                },
                error -> {
                    if (!(error instanceof com.pixfino.studio.core.net.CompanionApiException api404
                            && api404.isNotFound())) {
                        sessions.callFailed(error);
                    }
                });
    }

    @Override
    public void refused(Exception error) {
        sessions.callFailed(error);
    }

    /** The stream carries the balance too: the session shows it, the plans screen hears of payments. */
    @Override
    public void balanceChanged(BalanceEvent event) {
        sessions.balanceChanged(event);
    }

    /** Create queued a job: show it at once. */
    public void queued(UUID id) {
        changed(id);
    }

    public void cancel(JobItem job) {
        CompanionApi api = session.api();
        tasks.run(
                () -> api.cancel(job.id()),
                view -> {
                    if (upsert(view, true)) {
                        sessions.refreshUser();
                    }
                    activity.say(Tone.SUCCESS, messages.get("queue.canceledNotice", view.presetName()));
                },
                error -> activity.say(Tone.ERROR, messages.get("queue.cancelFailed", failures.describe(error))));
    }

    /** Queues the same preset, photo and prompt again; a new key, since the failed job was refunded. */
    public void retry(JobItem job) {
        GenerationView failed = job.view();
        CompanionApi api = session.api();
        CreateGenerationRequest request =
                new CreateGenerationRequest(failed.presetId(), failed.uploadId(), failed.prompt());
        tasks.run(
                () -> api.createGeneration(request, UUID.randomUUID().toString()),
                accepted -> {
                    activity.say(
                            Tone.SUCCESS,
                            messages.get("queue.retried", failed.presetName(), accepted.creditsCharged()));
                    sessions.refreshUser();
                    changed(accepted.id());
                },
                error -> activity.say(Tone.ERROR, messages.get("queue.retryFailed", failures.describe(error))));
    }

    /** The clock ticks once a second while the queue shows, so running jobs count up. */
    public void tick() {
        now.set(clock.instant());
    }

    private void merge(List<GenerationView> views) {
        boolean balanceMoved = false;
        for (GenerationView view : views) {
            balanceMoved |= upsert(view, false);
        }
        jobs.removeIf(job -> views.stream().noneMatch(view -> view.id().equals(job.id())));
        if (balanceMoved && !firstLoad) {
            sessions.refreshUser();
        }
        firstLoad = false;
    }

    /**
     * Adds or updates a row; says whether the balance moved. {@code live}: the change was just heard of,
     * so a result completed now goes to the gallery (a full listing leaves old results to the gallery's sync).
     */
    private boolean upsert(GenerationView view, boolean live) {
        Optional<JobItem> existing =
                jobs.stream().filter(job -> job.id().equals(view.id())).findFirst();
        GenerationStatus before = existing.map(job -> job.view().status()).orElse(null);
        if (existing.isPresent()) {
            existing.get().update(view);
        } else {
            JobItem item = new JobItem(view);
            int index = 0;
            while (index < jobs.size() && NEWEST_FIRST.compare(jobs.get(index), item) < 0) {
                index++;
            }
            jobs.add(index, item);
        }
        if (before == view.status()) {
            return false;
        }
        if (view.status() == GenerationStatus.COMPLETED && (before != null || live)) {
            completed.accept(view);
        }
        // Queuing charged the credits, a failure or cancel gave them back.
        return before == null || view.refunded();
    }

    public ObservableList<JobItem> jobs() {
        return jobs;
    }

    /**
     * The takes of one request (same {@code groupId}), oldest first: what the queue shows as one group
     * ("Film Noir · 4 takes"). Empty for a job that is no take of a group.
     */
    public List<JobItem> takes(UUID groupId) {
        if (groupId == null) {
            return List.of();
        }
        return jobs.stream()
                .filter(job -> groupId.equals(job.view().groupId()))
                .sorted(NEWEST_FIRST.reversed())
                .toList();
    }

    /** Whether {@code job} is the first take of its group in the list: the row that shows the group's heading. */
    public boolean leadsGroup(JobItem job) {
        UUID group = job.view().groupId();
        if (group == null) {
            return false;
        }
        for (JobItem other : jobs) {
            if (group.equals(other.view().groupId())) {
                return other == job;
            }
        }
        return false;
    }

    /** Cancels every take of the group that has not finished (each is refunded on its own). */
    public void cancelAll(UUID groupId) {
        for (JobItem take : takes(groupId)) {
            if (JobText.isOpen(take.view())) {
                cancel(take);
            }
        }
    }

    public IntegerBinding activeCountProperty() {
        return activeCount;
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LiveUpdates.State> liveStateProperty() {
        return live.stateProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return activity.messageProperty();
    }

    public JobText text() {
        return new JobText(messages);
    }

    /** Stops listening (on exit). */
    public void stop() {
        live.stop();
    }
}
