package com.pixfino.server.notifications;

import static com.pixfino.server.db.jooq.Tables.NOTIFICATION_PREFERENCES;
import static com.pixfino.server.db.jooq.Tables.PRESETS;
import static com.pixfino.server.db.jooq.Tables.USERS;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.pixfino.model.AccountStatus;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weekly digest: Mondays at 09:00 UTC a db-scheduler task (one server runs it) mails each verified user who
 * turned it on the presets that became active in the seven days before. Nothing is sent in a week without new
 * presets. Each user's week is claimed ({@code digest_week}) in the transaction that queues the mail, so a late
 * second run, or a second server, sends nothing twice.
 */
public final class WeeklyDigest {

    private static final Logger log = LoggerFactory.getLogger(WeeklyDigest.class);
    static final String TASK = "weekly-digest";
    /** Mondays 09:00 UTC (db-scheduler's six-field cron: seconds first). */
    static final String SCHEDULE = "0 0 9 * * MON";

    private static final LocalTime SEND_TIME = LocalTime.of(9, 0);
    private static final int BATCH = 500;

    private final DSLContext dsl;
    private final OptionalMail mail;
    private final Clock clock;

    WeeklyDigest(DSLContext dsl, OptionalMail mail, Clock clock) {
        this.dsl = dsl;
        this.mail = mail;
        this.clock = clock;
    }

    public RecurringTask<Void> task() {
        return Tasks.recurring(TASK, Schedules.cron(SCHEDULE, ZoneOffset.UTC)).execute((instance, context) -> runNow());
    }

    /** The digest of the current week (its Monday, by the clock); answers how many mails were queued. */
    public int runNow() {
        return run(weekOf(OffsetDateTime.now(clock)));
    }

    /** The Monday that starts the week of {@code at} (UTC). */
    static LocalDate weekOf(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC)
                .toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * The digest of the week that starts on {@code monday}: the presets activated in the seven days up to that
     * Monday 09:00 UTC, to every user who wants it and has not had this week's (or a later one).
     */
    public int run(LocalDate monday) {
        OffsetDateTime until = monday.atTime(SEND_TIME).atOffset(ZoneOffset.UTC);
        OffsetDateTime from = until.minusDays(7);
        List<NotificationMails.NewStyle> styles = dsl.select(PRESETS.NAME, PRESETS.CATEGORY, PRESETS.CREDITS)
                .from(PRESETS)
                .where(PRESETS.ACTIVE.isTrue())
                .and(PRESETS.ACTIVATED_AT.ge(from))
                .and(PRESETS.ACTIVATED_AT.lt(until))
                .orderBy(PRESETS.ACTIVATED_AT, PRESETS.ID)
                .fetch(r ->
                        new NotificationMails.NewStyle(r.value1(), r.value2().label(), r.value3()));
        if (styles.isEmpty()) {
            log.info("event=weekly_digest_skipped week={} reason=no_new_presets", monday);
            return 0;
        }
        int queued = 0;
        UUID after = null;
        while (true) {
            List<UUID> due = dsl.select(NOTIFICATION_PREFERENCES.USER_ID)
                    .from(NOTIFICATION_PREFERENCES)
                    .join(USERS)
                    .on(USERS.ID.eq(NOTIFICATION_PREFERENCES.USER_ID))
                    .where(notYetThisWeek(monday))
                    .and(USERS.STATUS.eq(AccountStatus.ACTIVE))
                    .and(USERS.EMAIL_VERIFIED_AT.isNotNull())
                    .and(after == null ? DSL.noCondition() : NOTIFICATION_PREFERENCES.USER_ID.gt(after))
                    .orderBy(NOTIFICATION_PREFERENCES.USER_ID)
                    .limit(BATCH)
                    .fetch(NOTIFICATION_PREFERENCES.USER_ID);
            for (UUID userId : due) {
                if (dsl.transactionResult(cfg -> send(DSL.using(cfg), userId, monday, from, until, styles))) {
                    queued++;
                }
            }
            if (due.size() < BATCH) {
                break;
            }
            after = due.get(due.size() - 1);
        }
        log.info("event=weekly_digest_queued week={} presets={} mails={}", monday, styles.size(), queued);
        return queued;
    }

    private boolean send(
            DSLContext tx,
            UUID userId,
            LocalDate monday,
            OffsetDateTime from,
            OffsetDateTime until,
            List<NotificationMails.NewStyle> styles) {
        int claimed = tx.update(NOTIFICATION_PREFERENCES)
                .set(NOTIFICATION_PREFERENCES.DIGEST_WEEK, monday)
                .where(NOTIFICATION_PREFERENCES.USER_ID.eq(userId))
                .and(notYetThisWeek(monday))
                .execute();
        if (claimed == 0) {
            return false;
        }
        return mail.queue(
                tx,
                userId,
                NotificationKind.WEEKLY_DIGEST,
                (to, unsubscribe) -> NotificationMails.weeklyDigest(
                        to.email(),
                        to.name(),
                        from.toLocalDate(),
                        until.toLocalDate().minusDays(1),
                        styles,
                        unsubscribe));
    }

    /** Wants the digest and has had none for this week or a later one. */
    private static Condition notYetThisWeek(LocalDate monday) {
        return NOTIFICATION_PREFERENCES
                .WEEKLY_DIGEST
                .isTrue()
                .and(NOTIFICATION_PREFERENCES.DIGEST_WEEK.isNull().or(NOTIFICATION_PREFERENCES.DIGEST_WEEK.lt(monday)));
    }
}
