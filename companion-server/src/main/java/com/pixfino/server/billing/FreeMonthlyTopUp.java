package com.pixfino.server.billing;

import static com.pixfino.server.db.jooq.Tables.BILLING_GRANTS;
import static com.pixfino.server.db.jooq.Tables.USERS;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.pixfino.model.AccountStatus;
import com.pixfino.model.Tier;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Free plan's monthly top-up: once a month (UTC) every Free account's balance is raised to the plan's monthly
 * credits (grant = max(0, credits − balance)). A recurring db-scheduler task runs it on one server at a time; the
 * claim per user and month ({@link BillingGrants#grantFreeMonth}) makes a second run, or a second server, grant
 * nothing. An account made this month already had its welcome grant and waits for the next month.
 */
public record FreeMonthlyTopUp(DSLContext dsl, BillingGrants grants, BillingCatalog catalog, Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(FreeMonthlyTopUp.class);
    public static final String TASK = "free-monthly-top-up";
    private static final int BATCH = 500;

    /** Runs every {@code every}; the first run comes soon after start. */
    public RecurringTask<Void> task(Duration every) {
        return Tasks.recurring(TASK, FixedDelay.of(every)).execute((instance, context) -> runNow());
    }

    /** Tops up for the current month; answers how many accounts got credits. */
    public int runNow() {
        return run(YearMonth.now(clock.withZone(ZoneOffset.UTC)));
    }

    public int run(YearMonth month) {
        int credits = catalog.monthlyCredits(Tier.FREE);
        OffsetDateTime monthStart = month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        String prefix = "free-month:" + month + ":";
        int granted = 0;
        int seen = 0;
        UUID after = null;
        while (true) {
            List<UUID> due = dsl.select(USERS.ID)
                    .from(USERS)
                    .where(USERS.TIER.eq(Tier.FREE))
                    .and(USERS.STATUS.eq(AccountStatus.ACTIVE))
                    .and(USERS.CREATED_AT.lt(monthStart))
                    .and(after == null ? DSL.noCondition() : USERS.ID.gt(after))
                    .andNotExists(DSL.selectOne()
                            .from(BILLING_GRANTS)
                            .where(BILLING_GRANTS.REFERENCE.eq(
                                    DSL.inline(prefix).concat(USERS.ID.cast(String.class)))))
                    .orderBy(USERS.ID)
                    .limit(BATCH)
                    .fetch(USERS.ID);
            if (due.isEmpty()) {
                break;
            }
            for (UUID user : due) {
                seen++;
                int grant = dsl.transactionResult(
                        cfg -> grants.grantFreeMonth(DSL.using(cfg), user, month.toString(), credits)
                                .orElse(0));
                if (grant > 0) {
                    granted++;
                }
            }
            after = due.get(due.size() - 1);
        }
        if (seen > 0) {
            log.info("event=free_top_up month={} accounts={} topped_up={}", month, seen, granted);
        }
        return granted;
    }
}
