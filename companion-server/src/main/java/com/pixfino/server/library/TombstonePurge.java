package com.pixfino.server.library;

import static com.pixfino.server.db.jooq.Tables.LIBRARY_TOMBSTONES;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes tombstones of deleted generations, collections and styles once they are older than the window
 * ({@code PIXFINO_TOMBSTONE_DAYS}); a feed cursor that old answers {@code resetRequired} instead of missing them.
 */
public record TombstonePurge(DSLContext dsl, Duration window, Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(TombstonePurge.class);
    private static final String TASK = "library-tombstone-purge";

    /** A recurring db-scheduler task (one server at a time) running every {@code every}. */
    public RecurringTask<Void> task(Duration every) {
        return Tasks.recurring(TASK, FixedDelay.of(every)).execute((instance, context) -> runNow());
    }

    /** Purges now; answers how many tombstones went. */
    public int runNow() {
        int purged = dsl.deleteFrom(LIBRARY_TOMBSTONES)
                .where(LIBRARY_TOMBSTONES.DELETED_AT.lt(
                        OffsetDateTime.now(clock).minus(window)))
                .execute();
        if (purged > 0) {
            log.info("event=library_tombstones_purged count={}", purged);
        }
        return purged;
    }

    /** How often to purge: hourly, or sooner when the window is shorter (tests shorten it to seconds). */
    public static Duration interval(Duration window) {
        Duration hour = Duration.ofHours(1);
        Duration tenth = window.dividedBy(10);
        Duration floor = Duration.ofSeconds(1);
        return tenth.compareTo(hour) > 0 ? hour : tenth.compareTo(floor) < 0 ? floor : tenth;
    }
}
