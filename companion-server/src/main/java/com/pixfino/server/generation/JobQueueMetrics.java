package com.pixfino.server.generation;

import static com.pixfino.server.db.jooq.Tables.GENERATIONS;
import static com.pixfino.server.db.jooq.Tables.SCHEDULED_TASKS;

import com.pixfino.model.GenerationStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;

/**
 * The depth of the job queue in /metrics: unfinished generations by status, and generation jobs that
 * are due but not picked by a worker yet (work waiting for a free job thread). Counted in the database
 * at each scrape, so every server reports the whole queue, not its own share.
 */
public final class JobQueueMetrics implements MeterBinder {

    public static final String UNFINISHED = "pixfino.jobs.unfinished";
    public static final String DUE = "pixfino.jobs.due";

    private final DSLContext dsl;
    private final Clock clock;

    public JobQueueMetrics(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (GenerationStatus status : List.of(GenerationStatus.PENDING, GenerationStatus.RUNNING)) {
            Gauge.builder(UNFINISHED, () -> unfinished(status))
                    .description("Generations accepted and not finished yet")
                    .tag("status", status.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        Gauge.builder(DUE, this::due)
                .description("Generation jobs due to run and not picked by a worker yet")
                .register(registry);
    }

    private int unfinished(GenerationStatus status) {
        return dsl.fetchCount(GENERATIONS, GENERATIONS.STATUS.eq(status));
    }

    private int due() {
        return dsl.fetchCount(
                SCHEDULED_TASKS,
                SCHEDULED_TASKS
                        .TASK_NAME
                        .eq(JobRunner.TASK)
                        .and(SCHEDULED_TASKS.PICKED.isFalse())
                        .and(SCHEDULED_TASKS.EXECUTION_TIME.le(OffsetDateTime.now(clock))));
    }
}
