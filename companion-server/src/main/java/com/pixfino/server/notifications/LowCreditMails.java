package com.pixfino.server.notifications;

import static com.pixfino.server.db.jooq.Tables.NOTIFICATION_PREFERENCES;
import static com.pixfino.server.db.jooq.Tables.USERS;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The low-credit reminder. The database decides the crossing: the ledger's trigger marks the user due in the very
 * transaction whose debit took the balance from at or above the threshold to below it (every writer of the ledger,
 * including a generation's one-statement debit). This task turns each mark into at most one mail, in one transaction
 * that clears the mark and queues the mail, so a mark is mailed once even with several servers.
 */
public final class LowCreditMails {

    private static final Logger log = LoggerFactory.getLogger(LowCreditMails.class);
    static final String TASK = "low-credit-mail";
    /** At most this many marks per run, so one run never holds its worker for long. */
    private static final int PER_RUN = 50;

    private final DSLContext dsl;
    private final OptionalMail mail;
    private final int threshold;

    LowCreditMails(DSLContext dsl, OptionalMail mail, int threshold) {
        this.dsl = dsl;
        this.mail = mail;
        this.threshold = threshold;
    }

    public RecurringTask<Void> task(Duration every) {
        return Tasks.recurring(TASK, FixedDelay.of(every)).execute((instance, context) -> sendDue());
    }

    /** Handles the marks that are due; answers how many. */
    public int sendDue() {
        int handled = 0;
        while (handled < PER_RUN && dsl.transactionResult(cfg -> handleOne(DSL.using(cfg)))) {
            handled++;
        }
        return handled;
    }

    private boolean handleOne(DSLContext tx) {
        UUID userId = tx.select(NOTIFICATION_PREFERENCES.USER_ID)
                .from(NOTIFICATION_PREFERENCES)
                .where(NOTIFICATION_PREFERENCES.LOW_CREDITS_DUE_AT.isNotNull())
                .orderBy(NOTIFICATION_PREFERENCES.LOW_CREDITS_DUE_AT)
                .limit(1)
                .forUpdate()
                .skipLocked()
                .fetchOne(NOTIFICATION_PREFERENCES.USER_ID);
        if (userId == null) {
            return false;
        }
        tx.update(NOTIFICATION_PREFERENCES)
                .setNull(NOTIFICATION_PREFERENCES.LOW_CREDITS_DUE_AT)
                .where(NOTIFICATION_PREFERENCES.USER_ID.eq(userId))
                .execute();
        Integer balance =
                tx.select(USERS.CREDITS).from(USERS).where(USERS.ID.eq(userId)).fetchOne(USERS.CREDITS);
        if (balance == null || balance >= threshold) {
            // topped up again before the mail went out: nothing to remind of
            log.info("event=low_credit_mail_skipped user={} reason=balance_back_up", userId);
            return true;
        }
        boolean queued = mail.queue(
                tx,
                userId,
                NotificationKind.LOW_CREDITS,
                (to, unsubscribe) ->
                        NotificationMails.lowCredits(to.email(), to.name(), balance, threshold, unsubscribe));
        if (queued) {
            log.info("event=low_credit_mail_queued user={} balance={} threshold={}", userId, balance, threshold);
        } else {
            log.info("event=low_credit_mail_skipped user={} reason=unverified_inactive_or_turned_off", userId);
        }
        return true;
    }
}
