package com.pixfino.server.admin;

import static com.pixfino.server.db.jooq.Tables.BILLING_ACCOUNTS;
import static com.pixfino.server.db.jooq.Tables.CREDIT_LEDGER;
import static com.pixfino.server.db.jooq.Tables.GENERATIONS;
import static com.pixfino.server.db.jooq.Tables.REFERRALS;
import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.model.AccountStatus;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.Tier;
import com.pixfino.model.api.admin.AdminDailyStats;
import com.pixfino.model.api.admin.AdminStats;
import com.pixfino.server.billing.BillingAccounts;
import com.pixfino.server.domain.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The admin dashboard's figures, aggregated by the database. Each answer is read in one repeatable-read
 * transaction, so its figures agree with each other (outstanding = the ledger sums) whatever runs meanwhile.
 */
public final class AdminStatistics {

    /** "This week" and "7d": the last 7 × 24 hours. */
    public static final Duration WEEK = Duration.ofDays(7);

    public static final int MAX_DAYS = 365;
    private static final int MONEY_SCALE = 4;

    private final DSLContext dsl;
    private final BigDecimal costPerCreditUsd;
    private final Clock clock;

    public AdminStatistics(DSLContext dsl, BigDecimal costPerCreditUsd, Clock clock) {
        this.dsl = dsl;
        this.costPerCreditUsd = costPerCreditUsd;
        this.clock = clock;
    }

    public AdminStats stats() {
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
        OffsetDateTime weekAgo = now.minus(WEEK);
        OffsetDateTime today = now.toLocalDate().atStartOfDay().atOffset(ZoneOffset.UTC);
        return consistently(tx -> new AdminStats(
                users(tx, weekAgo), generations(tx, today, weekAgo), subscriptions(tx), credits(tx), referrals(tx)));
    }

    private static AdminStats.Users users(DSLContext tx, OffsetDateTime weekAgo) {
        var active = USERS.LAST_LOGIN_AT
                .ge(weekAgo)
                .or(DSL.exists(DSL.selectOne()
                        .from(GENERATIONS)
                        .where(GENERATIONS.USER_ID.eq(USERS.ID))
                        .and(GENERATIONS.CREATED_AT.ge(weekAgo))));
        var counts = tx.select(
                        DSL.count(),
                        DSL.count().filterWhere(USERS.CREATED_AT.ge(weekAgo)),
                        DSL.count().filterWhere(active),
                        DSL.count().filterWhere(USERS.STATUS.eq(AccountStatus.SUSPENDED)))
                .from(USERS)
                .fetchOne();
        Map<Tier, Long> byTier = zeros(Tier.class);
        tx.select(USERS.TIER, DSL.count())
                .from(USERS)
                .groupBy(USERS.TIER)
                .forEach(r -> byTier.put(r.value1(), r.value2().longValue()));
        return new AdminStats.Users(counts.value1(), counts.value2(), counts.value3(), counts.value4(), byTier);
    }

    private static AdminStats.Generations generations(DSLContext tx, OffsetDateTime today, OffsetDateTime weekAgo) {
        Map<GenerationStatus, Long> byStatus = zeros(GenerationStatus.class);
        long[] total = new long[3];
        tx.select(
                        GENERATIONS.STATUS,
                        DSL.count(),
                        DSL.count().filterWhere(GENERATIONS.CREATED_AT.ge(today)),
                        DSL.count().filterWhere(GENERATIONS.CREATED_AT.ge(weekAgo)))
                .from(GENERATIONS)
                .groupBy(GENERATIONS.STATUS)
                .forEach(r -> {
                    byStatus.put(r.value1(), r.value2().longValue());
                    total[0] += r.value2();
                    total[1] += r.value3();
                    total[2] += r.value4();
                });
        return new AdminStats.Generations(total[1], total[2], total[0], byStatus);
    }

    private static AdminStats.Subscriptions subscriptions(DSLContext tx) {
        Map<Tier, Long> byTier = zeros(Tier.class);
        long[] active = new long[1];
        tx.select(BILLING_ACCOUNTS.PLAN, DSL.count())
                .from(BILLING_ACCOUNTS)
                .where(BILLING_ACCOUNTS.SUBSCRIPTION_STATUS.in(BillingAccounts.LIVE))
                .groupBy(BILLING_ACCOUNTS.PLAN)
                .forEach(r -> {
                    active[0] += r.value2();
                    tierOf(r.value1())
                            .ifPresent(tier -> byTier.merge(tier, r.value2().longValue(), Long::sum));
                });
        return new AdminStats.Subscriptions(active[0], byTier);
    }

    private static java.util.Optional<Tier> tierOf(String plan) {
        for (Tier tier : Tier.values()) {
            if (tier.name().equalsIgnoreCase(plan)) {
                return java.util.Optional.of(tier);
            }
        }
        return java.util.Optional.empty();
    }

    /** Accounts that joined with a code, referrals settled with a reward, and every referral GRANT credit. */
    private static AdminStats.Referrals referrals(DSLContext tx) {
        var counts = tx.select(DSL.count(), DSL.count().filterWhere(REFERRALS.STATE.eq("REWARDED")))
                .from(REFERRALS)
                .fetchSingle();
        long granted = tx.select(DSL.coalesce(DSL.sum(CREDIT_LEDGER.AMOUNT), DSL.inline(BigDecimal.ZERO)))
                .from(CREDIT_LEDGER)
                .where(CREDIT_LEDGER.KIND.eq(LedgerKind.GRANT))
                .and(CREDIT_LEDGER.REFERENCE.like("referral:%"))
                .fetchSingle(0, BigDecimal.class)
                .longValueExact();
        return new AdminStats.Referrals(counts.value1(), counts.value2(), granted);
    }

    private static AdminStats.Credits credits(DSLContext tx) {
        Map<LedgerKind, Long> sums = zeros(LedgerKind.class);
        tx.select(CREDIT_LEDGER.KIND, DSL.sum(CREDIT_LEDGER.AMOUNT))
                .from(CREDIT_LEDGER)
                .groupBy(CREDIT_LEDGER.KIND)
                .forEach(r -> sums.put(r.value1(), r.value2().longValueExact()));
        long outstanding = tx.select(DSL.coalesce(DSL.sum(USERS.CREDITS), DSL.inline(BigDecimal.ZERO)))
                .from(USERS)
                .fetchOne(0, BigDecimal.class)
                .longValueExact();
        return new AdminStats.Credits(
                sums.get(LedgerKind.GRANT),
                sums.get(LedgerKind.PURCHASE),
                -sums.get(LedgerKind.DEBIT),
                sums.get(LedgerKind.REFUND),
                sums.get(LedgerKind.ADJUSTMENT),
                -sums.get(LedgerKind.EXPIRY),
                outstanding);
    }

    /**
     * The last {@code days} UTC days, today included, oldest first; days without activity are zeros.
     *
     * @throws DomainException INVALID when {@code days} is not 1–{@value #MAX_DAYS}
     */
    public AdminDailyStats daily(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw invalidDays();
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = today.minusDays(days - 1L);
        OffsetDateTime from = first.atStartOfDay().atOffset(ZoneOffset.UTC);
        return consistently(tx -> {
            Map<LocalDate, Long> spent = new HashMap<>();
            Field<LocalDate> ledgerDay = utcDay(CREDIT_LEDGER.CREATED_AT);
            tx.select(ledgerDay, DSL.sum(CREDIT_LEDGER.AMOUNT))
                    .from(CREDIT_LEDGER)
                    .where(CREDIT_LEDGER.CREATED_AT.ge(from))
                    .and(CREDIT_LEDGER.KIND.in(LedgerKind.DEBIT, LedgerKind.REFUND))
                    .groupBy(ledgerDay)
                    .forEach(r -> spent.put(r.value1(), -r.value2().longValueExact()));
            Map<LocalDate, Long> generations = new HashMap<>();
            Map<LocalDate, BigDecimal> actual = new HashMap<>();
            Field<LocalDate> generationDay = utcDay(GENERATIONS.CREATED_AT);
            tx.select(generationDay, DSL.count(), DSL.sum(GENERATIONS.API_COST_USD))
                    .from(GENERATIONS)
                    .where(GENERATIONS.CREATED_AT.ge(from))
                    .groupBy(generationDay)
                    .forEach(r -> {
                        generations.put(r.value1(), r.value2().longValue());
                        if (r.value3() != null) {
                            actual.put(r.value1(), r.value3());
                        }
                    });
            Map<LocalDate, Long> newUsers = new HashMap<>();
            Field<LocalDate> userDay = utcDay(USERS.CREATED_AT);
            tx.select(userDay, DSL.count())
                    .from(USERS)
                    .where(USERS.CREATED_AT.ge(from))
                    .groupBy(userDay)
                    .forEach(r -> newUsers.put(r.value1(), r.value2().longValue()));
            List<AdminDailyStats.Day> out = new ArrayList<>(days);
            for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
                long credits = spent.getOrDefault(day, 0L);
                out.add(new AdminDailyStats.Day(
                        day.toString(),
                        credits,
                        generations.getOrDefault(day, 0L),
                        newUsers.getOrDefault(day, 0L),
                        money(costPerCreditUsd.multiply(BigDecimal.valueOf(credits))),
                        money(actual.getOrDefault(day, BigDecimal.ZERO))));
            }
            return new AdminDailyStats(out);
        });
    }

    public static DomainException invalidDays() {
        return DomainException.invalid(
                "invalid_days", "days must be a whole number from 1 to " + MAX_DAYS + ", for example days=30.");
    }

    /** USD as a decimal string with four places, like the presets' API costs: {@code "0.2700"}. */
    static String money(BigDecimal usd) {
        return usd.setScale(MONEY_SCALE, RoundingMode.HALF_UP).toPlainString();
    }

    private static Field<LocalDate> utcDay(Field<OffsetDateTime> at) {
        return DSL.field("cast(({0} at time zone 'UTC') as date)", LocalDate.class, at);
    }

    private <T> T consistently(java.util.function.Function<DSLContext, T> read) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            tx.execute("set transaction isolation level repeatable read, read only");
            return read.apply(tx);
        });
    }

    private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
        Map<E, Long> map = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            map.put(value, 0L);
        }
        return map;
    }
}
