package com.pixfino.studio.testsupport;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.Tier;
import com.pixfino.model.api.AuthResponse;
import com.pixfino.server.credits.CreditLedger;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.TestServer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Known platform data for the admin screens, written straight into the real server's database as its own tests do
 * (AdminStatsApiTest): accounts over every tier and join date, generations in every status over several weeks, every
 * kind of ledger row spread over the last month, and live subscriptions.
 */
public final class AdminFixtures {

    public static final String PASSWORD = "Known-Data-42";

    /** The seeded accounts, in order: name, email and tier. */
    public static final List<Account> ACCOUNTS = List.of(
            new Account("Ada Lovelace", "ada@example.com", Tier.BUSINESS),
            new Account("Grace Hopper", "grace@example.com", Tier.PRO),
            new Account("Alan Turing", "alan@example.com", Tier.PRO),
            new Account("Katherine Johnson", "katherine@example.com", Tier.STARTER),
            new Account("Linus Torvalds", "linus@example.com", Tier.STARTER),
            new Account("Margaret Hamilton", "margaret@example.com", Tier.FREE),
            new Account("Dennis Ritchie", "dennis@example.com", Tier.FREE),
            new Account("Barbara Liskov", "barbara@example.com", Tier.FREE));

    private static final int[] JOINED_DAYS_AGO = {40, 25, 18, 9, 5, 3, 1, 0};
    private static final int[] GENERATION_DAYS_AGO = {0, 1, 2, 4, 6, 9, 13, 17, 22, 27};

    private AdminFixtures() {}

    public record Account(String name, String email, Tier tier) {}

    /** Seeds the data; answers the accounts' ids in {@link #ACCOUNTS} order. */
    public static List<UUID> seed(RealCompanion companion) {
        TestServer server = companion.testServer();
        DSLContext sql = server.app().database().dsl();
        CreditLedger ledger = server.services().ledger();
        ApiClient admin = server.client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        long presetId = sql.fetchOne("select min(id) from presets").get(0, Long.class);

        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS.size(); i++) {
            Account account = ACCOUNTS.get(i);
            ApiClient.Answer registered = server.client()
                    .post(
                            ApiPaths.REGISTER,
                            Map.of("email", account.email(), "password", PASSWORD, "name", account.name()));
            if (registered.status() != 201) {
                throw new IllegalStateException(registered.body());
            }
            UUID id = registered.as(AuthResponse.class).user().id();
            ids.add(id);
            sql.execute(
                    "update users set tier = ?, created_at = now() - make_interval(days => ?, mins => 5),"
                            + " last_login_at = now() - make_interval(days => ?, mins => 4) where id = ?",
                    account.tier().name(),
                    JOINED_DAYS_AGO[i],
                    Math.max(0, JOINED_DAYS_AGO[i] - 1) / 2,
                    id);
        }

        // generations in every status on many days; the open ones get a job task due in a year, so the job
        // reconciler leaves them as they are
        int n = 0;
        for (int days : GENERATION_DAYS_AGO) {
            for (GenerationStatus status : GenerationStatus.values()) {
                for (int k = 0; k < (status == GenerationStatus.COMPLETED ? 1 + (days % 4) : 1); k++) {
                    UUID owner = ids.get(n++ % 5);
                    UUID generation = UUID.randomUUID();
                    sql.transaction(cfg -> {
                        DSLContext tx = DSL.using(cfg);
                        tx.execute(
                                "insert into generations (id, user_id, preset_id, status, media_kind,"
                                        + " credits_charged, api_cost_usd, created_at, updated_at) values (?, ?, ?, ?,"
                                        + " 'IMAGE', 4, ?, now() - make_interval(days => ?, mins => 3), now())",
                                generation,
                                owner,
                                presetId,
                                status.name(),
                                status == GenerationStatus.COMPLETED ? new BigDecimal("0.9600") : null,
                                days);
                        if (!status.isFinal()) {
                            tx.execute(
                                    "insert into scheduled_tasks (task_name, task_instance, execution_time, picked,"
                                            + " version) values ('generation', ?, now() + interval '1 year', false, 1)",
                                    generation.toString());
                        }
                    });
                }
            }
        }

        // every ledger kind: purchases, debits with some refunds, plan grants, an expiry, admin adjustments
        for (int i = 0; i < ids.size(); i++) {
            UUID user = ids.get(i);
            ledger.apply(user, 100 + 20 * i, LedgerKind.PURCHASE, "Pack", "test:purchase:" + i);
            for (int d = 0; d < 6; d++) {
                String reference = "test-generation-" + i + "-" + d;
                ledger.apply(user, -(4 + 2 * d), LedgerKind.DEBIT, "Generation", reference);
                if (d == 2) {
                    ledger.apply(user, 4 + 2 * d, LedgerKind.REFUND, "Failed", reference);
                }
            }
            ledger.apply(user, -1, LedgerKind.EXPIRY, "Expired", "test:expiry:" + i);
            ledger.apply(user, 40, LedgerKind.GRANT, "Plan credits", "test:plan:" + i);
            ApiClient.Answer adjusted = admin.post(
                    ApiClient.path(ApiPaths.ADMIN_USER_CREDITS, user),
                    Map.of("amount", i % 2 == 0 ? 10 : -4, "reason", "Known data"));
            if (adjusted.status() != 201) {
                throw new IllegalStateException(adjusted.body());
            }
        }
        // the ledger rows spread over the last four weeks
        sql.execute("update credit_ledger set created_at = now() - make_interval(days => (id % 28)::int, mins => 2)");

        String[][] subscriptions = {
            {"business", "active"}, {"pro", "active"}, {"pro", "trialing"}, {"starter", "active"}
        };
        for (int i = 0; i < subscriptions.length; i++) {
            sql.execute(
                    "insert into billing_accounts (user_id, stripe_customer_id, created_at, subscription_id, plan,"
                            + " subscription_status) values (?, ?, now(), ?, ?, ?)",
                    ids.get(i),
                    "cus_known_" + i,
                    "sub_known_" + i,
                    subscriptions[i][0],
                    subscriptions[i][1]);
        }
        return ids;
    }
}
