package com.pixfino.server.generation;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.pixfino.model.MediaKind;
import com.pixfino.server.providers.CallInterruptedException;
import com.pixfino.server.providers.ProviderRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent job queue (db-scheduler on PostgreSQL), which also runs the server's other recurring tasks (the
 * Free plan's monthly top-up): one task instance per generation, picked by
 * exactly one server at a time, revived on another server (or after a restart) when its server stops
 * sending heartbeats. A reconciler re-queues any unfinished generation that lost its task, such as one
 * accepted just before a crash.
 */
public final class JobRunner implements JobQueue, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    static final String TASK = "generation";

    private final Scheduler scheduler;
    private final CustomTask<Void> task;
    private final ProviderRegistry providers;
    private final ExecutorService background;
    /** Generations a provider webhook named while their step was running (so it could not be rescheduled). */
    private final Set<UUID> wokenWhileRunning = ConcurrentHashMap.newKeySet();

    public JobRunner(
            DataSource dataSource,
            GenerationJob job,
            GenerationStore store,
            ProviderRegistry providers,
            JobSettings settings,
            ExecutorService background,
            List<RecurringTask<?>> otherRecurring,
            Duration stopTimeout) {
        this.providers = providers;
        this.background = background;
        this.task = Tasks.custom(TASK, Void.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(settings.pollInterval()))
                .execute((instance, context) -> {
                    UUID id = UUID.fromString(instance.getId());
                    wokenWhileRunning.remove(id); // this step polls the provider itself
                    GenerationJob.Step step;
                    try {
                        step = job.step(id);
                    } catch (CallInterruptedException e) {
                        // the server stops (its stop timeout ran out): back to the shared queue, due now, so
                        // another server runs the step again; the flag is cleared so the hand-back itself is written
                        Thread.interrupted();
                        log.info("event=generation_handed_back generation={}", id);
                        return (complete, operations) -> operations.reschedule(complete, Instant.now());
                    }
                    if (step instanceof GenerationJob.Step.PollAt at) {
                        // a webhook that came while this step ran could not reschedule it: poll again at once
                        return (complete, operations) ->
                                operations.reschedule(complete, wokenWhileRunning.remove(id) ? Instant.now() : at.at());
                    }
                    return (complete, operations) -> {
                        wokenWhileRunning.remove(id);
                        operations.remove();
                    };
                });
        RecurringTask<Void> reconciler = Tasks.recurring(
                        "generation-reconciler",
                        FixedDelay.of(settings.pollInterval().multipliedBy(2)))
                .execute((instance, context) -> {
                    for (UUID id :
                            store.openIdsOlderThan(settings.pollInterval().multipliedBy(2))) {
                        if (scheduleIfMissing(id)) {
                            log.warn("event=generation_requeued generation={}", id);
                        }
                    }
                });
        List<RecurringTask<?>> recurring = new ArrayList<>(otherRecurring);
        recurring.add(reconciler);
        this.scheduler = Scheduler.create(dataSource, task)
                .startTasks(recurring)
                .threads(settings.workers())
                .pollingInterval(settings.queuePolling())
                // job
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(4)
                .enableImmediateExecution()
                // a stop lets running steps end for this long, then interrupts them (they hand their job back)
                .shutdownMaxWait(stopTimeout)
                .build();
    }

    public void start() {
        scheduler.start();
    }

    @Override
    public void enqueue(UUID generationId) {
        scheduleIfMissing(generationId);
    }

    @Override
    public Optional<String> taskWrittenByCreate() {
        return Optional.of(TASK);
    }

    @Override
    public void writtenByCreate(UUID generationId) {
        scheduler.triggerCheckForDueExecutions();
    }

    private boolean scheduleIfMissing(UUID generationId) {
        return scheduler.scheduleIfNotExists(task.instance(generationId.toString()), Instant.now());
    }

    @Override
    public void pollNow(UUID generationId) {
        try {
            scheduler.reschedule(task.instance(generationId.toString()), Instant.now());
        } catch (TaskInstanceCurrentlyExecutingException e) {
            // its step may have asked the provider just before the webhook: it polls again when the step ends
            wokenWhileRunning.add(generationId);
        } catch (TaskInstanceException e) {
            // running right now (it polls anyway) or gone (the reconciler re-queues an open generation)
            log.debug(
                    "event=poll_now_skipped generation={} reason={}",
                    generationId,
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public Optional<Duration> pausedFor(String presetProvider, String presetModel, MediaKind kind) {
        return providers.pausedFor(presetProvider, presetModel, kind);
    }

    @Override
    public void cancelAtProvider(String provider, String providerJobId) {
        if (provider == null || providerJobId == null) {
            return;
        }
        providers.named(provider).ifPresent(p -> background.submit(() -> p.cancel(providerJobId)));
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
