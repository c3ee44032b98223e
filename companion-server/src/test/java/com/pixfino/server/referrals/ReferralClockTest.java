package com.pixfino.server.referrals;

import static com.pixfino.server.db.jooq.Tables.CREDIT_LEDGER;
import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.LedgerKind;
import com.pixfino.model.Tier;
import com.pixfino.server.db.jooq.tables.records.CreditLedgerRecord;
import com.pixfino.server.testsupport.MovableClock;
import com.pixfino.server.testsupport.TestServices;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The two rules that depend on the time: the launch promo window [from, to) and the calendar month of the cap. */
class ReferralClockTest {

    private static final Instant START = Instant.parse("2027-01-31T23:00:00Z");
    private static MovableClock clock;
    private static TestServices graph;
    private static ReferralWorld world;

    @BeforeAll
    static void start() {
        clock = new MovableClock(START);
        graph = TestServices.fresh(queue -> TestServices.idleQueue(), clock);
        world = new ReferralWorld(graph);
    }

    @AfterAll
    static void stop() {
        graph.close();
    }

    private static List<CreditLedgerRecord> freeGrants(UUID user) {
        return world.db()
                .selectFrom(CREDIT_LEDGER)
                .where(CREDIT_LEDGER.USER_ID.eq(user))
                .and(CREDIT_LEDGER.KIND.eq(LedgerKind.GRANT))
                .and(CREDIT_LEDGER.REFERENCE.eq("tier:FREE"))
                .fetch();
    }

    @Test
    void theLaunchPromoDoublesTheFreeGrantForAccountsCreatedFromItsStartUpToButNotAtItsEnd() {
        int free = Tier.FREE.defaultMonthlyCredits();
        OffsetDateTime from = clock.instant().plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC);
        OffsetDateTime to = from.plusHours(48);
        world.launchPromo(from, to);
        try {
            Object[][] cases = {
                {Duration.ofHours(1).minusMillis(1), false, "a millisecond before it starts"},
                {Duration.ofMillis(1), true, "at its first instant"},
                {Duration.ofHours(48).minusMillis(1), true, "at its last millisecond"},
                {Duration.ofMillis(1), false, "at its end (exclusive)"},
                {Duration.ofHours(5), false, "after it"}
            };
            for (Object[] step : cases) {
                clock.advance((Duration) step[0]);
                UUID user = world.register(null);
                boolean doubled = (boolean) step[1];
                List<CreditLedgerRecord> grants = freeGrants(user);
                assertThat(grants).as("one Free grant row " + step[2]).hasSize(1);
                assertThat(grants.get(0).getAmount())
                        .as("the Free grant " + step[2])
                        .isEqualTo(doubled ? 2 * free : free);
                assertThat(grants.get(0).getReason())
                        .as(step[2].toString())
                        .satisfies(reason ->
                                assertThat(reason.contains("launch promo")).isEqualTo(doubled));
                assertThat(world.balanced(user)).isTrue();
            }
        } finally {
            world.launchPromo(null, null);
        }
    }

    @Test
    void theMonthlyCapCountsRewardsOfTheCalendarMonthInUtc() {
        world.settings(true, 5, 1);
        UUID referrer = world.register(null);
        world.markVerified(referrer);
        String code = world.codeOf(referrer);
        // the month ends within the hour of the fixed start; each step stays inside one month
        Instant monthEnd = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
                .plusMonths(1)
                .withDayOfMonth(1)
                .toLocalDate()
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        UUID first = rewardable(code);
        UUID second = rewardable(code);
        UUID third = rewardable(code);
        assertThat(clock.instant()).isBefore(monthEnd);
        finish(first);
        finish(second);
        assertThat(world.state(first)).isEqualTo("REWARDED");
        assertThat(world.state(second)).as("the cap of 1 is used up this month").isEqualTo("CAPPED");
        assertThat(world.grants(second, "referee")).containsExactly(0, 0);

        clock.advance(Duration.between(clock.instant(), monthEnd));
        finish(third);
        assertThat(world.state(third)).as("a new month, a new cap").isEqualTo("REWARDED");
        assertThat(world.grants(referrer, "referrer")).containsExactly(2, 10);
        assertThat(world.balanced(referrer)).isTrue();
    }

    private static UUID rewardable(String code) {
        UUID referee = world.register(code);
        assertThat(world.verify(referee)).isTrue();
        return referee;
    }

    private static void finish(UUID referee) {
        assertThat(world.complete(world.runningGeneration(referee, world.upload(referee))))
                .isTrue();
    }
}
