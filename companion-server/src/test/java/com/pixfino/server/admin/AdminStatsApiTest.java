package com.pixfino.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.Tier;
import com.pixfino.server.credits.CreditLedger;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.ServerExtension;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard figures over known data (users over every tier and several join dates, generations in every status
 * over several days, grants, purchases, debits, refunds, adjustments, expiries, subscriptions), each compared with the
 * same figure recomputed here by plain SQL.
 */
class AdminStatsApiTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    /** Days ago the generations were made; none near the 7-day edge. */
    private static final int[] GENERATION_DAYS = {0, 1, 3, 6, 8, 20};

    private static ApiClient admin;
    private static DSLContext sql;

    @BeforeAll
    static void knownData() {
        TestServer server = SERVER.server();
        admin = server.client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        sql = server.app().database().dsl();
        CreditLedger ledger = server.services().ledger();
        long presetId = sql.fetchOne("select min(id) from presets").get(0, Long.class);

        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            users.add(Studio.userId(server.client().registerNew()));
        }
        Tier[] tiers = Tier.values();
        int[] joinedDaysAgo = {0, 2, 5, 9, 30, 60, 1, 12};
        int[] loginDaysAgo = {0, 1, 5, 9, 30, 45, 1, 12};
        for (int i = 0; i < users.size(); i++) {
            sql.execute(
                    "update users set tier = ?, created_at = now() - make_interval(days => ?, mins => 5),"
                            + " last_login_at = now() - make_interval(days => ?, mins => 4) where id = ?",
                    tiers[i % tiers.length].name(),
                    joinedDaysAgo[i],
                    loginDaysAgo[i],
                    users.get(i));
        }

        // generations in every status on several days; user 4 (no sign-in for 30 days) made one yesterday: active
        int n = 0;
        for (GenerationStatus status : GenerationStatus.values()) {
            for (int days : GENERATION_DAYS) {
                UUID owner = days == 1 && status == GenerationStatus.COMPLETED ? users.get(4) : users.get(n % 3);
                UUID id = UUID.randomUUID();
                // an open one gets a job task due in a year, so the job reconciler leaves it as it is
                sql.transaction(cfg -> {
                    DSLContext tx = org.jooq.impl.DSL.using(cfg);
                    tx.execute(
                            "insert into generations (id, user_id, preset_id, status, media_kind, credits_charged,"
                                    + " api_cost_usd, created_at, updated_at) values (?, ?, ?, ?, 'IMAGE', 2, ?,"
                                    + " now() - make_interval(days => ?, mins => 3), now())",
                            id,
                            owner,
                            presetId,
                            status.name(),
                            status == GenerationStatus.COMPLETED ? new java.math.BigDecimal("0.0125") : null,
                            days);
                    if (!status.isFinal()) {
                        tx.execute(
                                "insert into scheduled_tasks (task_name, task_instance, execution_time, picked,"
                                        + " version) values ('generation', ?, now() + interval '1 year', false, 1)",
                                id.toString());
                    }
                });
                n++;
            }
        }

        // every ledger kind: purchases, debits with some refunds, adjustments both ways, an expiry
        for (int i = 0; i < users.size(); i++) {
            UUID user = users.get(i);
            ledger.apply(user, 100 + i, LedgerKind.PURCHASE, "Pack", "test:purchase:" + i);
            for (int d = 0; d < 3; d++) {
                String generation = "test-generation-" + i + "-" + d;
                ledger.apply(user, -(2 + d), LedgerKind.DEBIT, "Generation", generation);
                if (d == 1) {
                    ledger.apply(user, 2 + d, LedgerKind.REFUND, "Failed", generation);
                }
            }
            ledger.apply(user, -1, LedgerKind.EXPIRY, "Expired", "test:expiry:" + i);
            ledger.apply(user, 7 * (i + 1), LedgerKind.GRANT, "Plan credits", "test:plan:" + i);
            Answer adjusted = admin.post(
                    ApiClient.path(ApiPaths.ADMIN_USER_CREDITS, user),
                    Map.of("amount", i % 2 == 0 ? 10 : -4, "reason", "Known data"));
            assertThat(adjusted.status()).isEqualTo(201);
        }
        // the ledger rows spread over the last five days
        sql.execute("update credit_ledger set created_at = now() - make_interval(days => (id % 5)::int, mins => 2)");

        String[][] subscriptions = {
            {"starter", "active"}, {"pro", "trialing"}, {"business", "canceled"}, {"pro", "past_due"}, {"pro", "active"}
        };
        for (int i = 0; i < subscriptions.length; i++) {
            sql.execute(
                    "insert into billing_accounts (user_id, stripe_customer_id, created_at, subscription_id, plan,"
                            + " subscription_status) values (?, ?, now(), ?, ?, ?)",
                    users.get(i),
                    "cus_test_" + i,
                    "sub_test_" + i,
                    subscriptions[i][0],
                    subscriptions[i][1]);
        }
        Answer suspended =
                admin.post(ApiClient.path(ApiPaths.ADMIN_USER_SUSPEND, users.get(7)), Map.of("reason", "Known data"));
        assertThat(suspended.status()).isEqualTo(200);
    }

    private static long number(String query, Object... binds) {
        Long value = sql.fetchOne(query, binds).get(0, Long.class);
        return value == null ? 0 : value;
    }

    @Test
    void everyFigureOfStatsEqualsPlainSql() {
        Answer answer = admin.get(ApiPaths.ADMIN_STATS);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode stats = answer.json();

        String week = "now() - interval '7 days'";
        JsonNode users = stats.get("users");
        assertThat(users.get("total").asLong())
                .isEqualTo(number("select count(*) from users"))
                .isEqualTo(9);
        assertThat(users.get("newThisWeek").asLong())
                .isEqualTo(number("select count(*) from users where created_at >= " + week))
                .isEqualTo(5); // four of the eight, and the admin
        assertThat(users.get("active7d").asLong())
                .isEqualTo(number("select count(*) from users u where last_login_at >= " + week
                        + " or exists (select 1 from generations g where g.user_id = u.id and g.created_at >= " + week
                        + ")"))
                .isEqualTo(6); // five signed in (one of them the admin), one only generated
        assertThat(users.get("suspended").asLong())
                .isEqualTo(number("select count(*) from users where status = 'SUSPENDED'"))
                .isEqualTo(1);
        assertThat(users.get("byTier").size()).isEqualTo(Tier.values().length);
        for (Tier tier : Tier.values()) {
            assertThat(users.get("byTier").get(tier.name()).asLong())
                    .as(tier.name())
                    .isEqualTo(number("select count(*) from users where tier = ?", tier.name()));
        }

        JsonNode generations = stats.get("generations");
        String today = "(date_trunc('day', now() at time zone 'UTC') at time zone 'UTC')";
        assertThat(generations.get("today").asLong())
                .isEqualTo(number("select count(*) from generations where created_at >= " + today))
                .isEqualTo(GenerationStatus.values().length);
        assertThat(generations.get("thisWeek").asLong())
                .isEqualTo(number("select count(*) from generations where created_at >= " + week))
                .isEqualTo(4L * GenerationStatus.values().length);
        assertThat(generations.get("total").asLong())
                .isEqualTo(number("select count(*) from generations"))
                .isEqualTo((long) GENERATION_DAYS.length * GenerationStatus.values().length);
        for (GenerationStatus status : GenerationStatus.values()) {
            assertThat(generations.get("byStatus").get(status.name()).asLong())
                    .as(status.name())
                    .isEqualTo(number("select count(*) from generations where status = ?", status.name()))
                    .isEqualTo(GENERATION_DAYS.length);
        }

        JsonNode subscriptions = stats.get("subscriptions");
        String live = "subscription_status in ('active', 'trialing', 'past_due')";
        assertThat(subscriptions.get("active").asLong())
                .isEqualTo(number("select count(*) from billing_accounts where " + live))
                .isEqualTo(4);
        for (Tier tier : Tier.values()) {
            assertThat(subscriptions.get("byTier").get(tier.name()).asLong())
                    .as(tier.name())
                    .isEqualTo(number(
                            "select count(*) from billing_accounts where " + live + " and upper(plan) = ?",
                            tier.name()));
        }

        JsonNode credits = stats.get("credits");
        String sum = "select coalesce(sum(amount), 0) from credit_ledger where kind = ?";
        assertThat(credits.get("granted").asLong()).isEqualTo(number(sum, "GRANT"));
        assertThat(credits.get("purchased").asLong()).isEqualTo(number(sum, "PURCHASE"));
        assertThat(credits.get("debited").asLong())
                .isEqualTo(-number(sum, "DEBIT"))
                .isPositive();
        assertThat(credits.get("refunded").asLong())
                .isEqualTo(number(sum, "REFUND"))
                .isPositive();
        assertThat(credits.get("adjusted").asLong()).isEqualTo(number(sum, "ADJUSTMENT"));
        assertThat(credits.get("expired").asLong())
                .isEqualTo(-number(sum, "EXPIRY"))
                .isPositive();
        assertThat(credits.get("outstanding").asLong())
                .isEqualTo(number("select coalesce(sum(credits), 0) from users"))
                .isEqualTo(credits.get("granted").asLong()
                        + credits.get("purchased").asLong()
                        - credits.get("debited").asLong()
                        + credits.get("refunded").asLong()
                        + credits.get("adjusted").asLong()
                        - credits.get("expired").asLong());
    }

    @Test
    void everyDayOfDailyStatsEqualsPlainSql() {
        int days = 25;
        Answer answer = admin.get(ApiPaths.ADMIN_STATS_DAILY + "?days=" + days);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode served = answer.json().get("days");

        String onDay = "(created_at at time zone 'UTC')::date = d";
        List<Record> expected = sql.fetch(
                "select d::text as date,"
                        + " (select coalesce(-sum(amount), 0) from credit_ledger where kind in ('DEBIT', 'REFUND') and "
                        + onDay + ") as spent,"
                        + " (select count(*) from generations where " + onDay + ") as generations,"
                        + " (select count(*) from users where " + onDay + ") as new_users,"
                        + " (select (coalesce(-sum(amount), 0) * 0.27)::numeric(14, 4)::text from credit_ledger"
                        + " where kind in ('DEBIT', 'REFUND') and " + onDay + ") as estimated,"
                        + " (select coalesce(sum(api_cost_usd), 0)::numeric(14, 4)::text from generations where "
                        + onDay
                        + ") as actual"
                        + " from (select generate_series(0, ? - 1) as back) b,"
                        + " lateral (select ((now() at time zone 'UTC')::date - back) as d) day order by d",
                days);

        assertThat(served).hasSize(days);
        assertThat(served.get(days - 1).get("date").asText())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        for (int i = 0; i < days; i++) {
            JsonNode day = served.get(i);
            Record row = expected.get(i);
            String date = row.get("date", String.class);
            assertThat(day.get("date").asText()).isEqualTo(date);
            assertThat(day.get("creditsSpent").asLong()).as(date).isEqualTo(row.get("spent", Long.class));
            assertThat(day.get("generations").asLong()).as(date).isEqualTo(row.get("generations", Long.class));
            assertThat(day.get("newUsers").asLong()).as(date).isEqualTo(row.get("new_users", Long.class));
            assertThat(day.get("estimatedCostUsd").isTextual()).isTrue();
            assertThat(day.get("estimatedCostUsd").asText()).as(date).isEqualTo(row.get("estimated", String.class));
            assertThat(day.get("actualCostUsd").asText()).as(date).isEqualTo(row.get("actual", String.class));
        }
        // the data is not all zeros, and an empty day is there with zeros
        assertThat(served.get(days - 2).get("generations").asLong()).isEqualTo(GenerationStatus.values().length);
        assertThat(served.get(days - 2).get("actualCostUsd").asText()).isEqualTo("0.0125");
        assertThat(served.get(days - 3).get("generations").asLong()).isZero();
        assertThat(served.get(days - 3).get("actualCostUsd").asText()).isEqualTo("0.0000");
        long spent = 0;
        for (JsonNode day : served) {
            spent += day.get("creditsSpent").asLong();
        }
        assertThat(spent).isPositive();
    }

    @Test
    void dailyStatsTakeOneToThreeHundredSixtyFiveDays() {
        assertThat(admin.get(ApiPaths.ADMIN_STATS_DAILY).json().get("days")).hasSize(30);
        assertThat(admin.get(ApiPaths.ADMIN_STATS_DAILY + "?days=1").json().get("days"))
                .hasSize(1);
        assertThat(admin.get(ApiPaths.ADMIN_STATS_DAILY + "?days=365").json().get("days"))
                .hasSize(365);
        for (String bad : List.of("0", "366", "-1", "abc", "2.5", "")) {
            Answer answer = admin.get(ApiPaths.ADMIN_STATS_DAILY + "?days=" + bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.errorCode()).isEqualTo("invalid_days");
            assertThat(answer.json().at("/error/message").asText()).contains("1 to 365");
        }
    }
}
