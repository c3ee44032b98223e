package com.pixfino.server.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.Tier;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.model.api.billing.CatalogView;
import com.pixfino.model.api.billing.PackView;
import com.pixfino.model.api.billing.PlanView;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.ServerExtension;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A server with no STRIPE_SECRET_KEY: nothing can be bought, the catalogue says so, admins still grant; Free top-ups. */
class BillingWithoutStripeApiTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    @Test
    void everyStripeEndpointIsA503BillingUnavailableAndTheCatalogueSaysNotPurchasable() {
        ApiClient user = SERVER.client().registerNew();
        for (Answer answer : new Answer[] {
            user.post(ApiPaths.BILLING_CHECKOUT, Map.of("item", "pack-20")),
            user.post(ApiPaths.BILLING_PORTAL, Map.of()),
            user.get(ApiPaths.BILLING_INVOICES),
            SERVER.client().postRaw(ApiPaths.BILLING_WEBHOOK, "{\"id\":\"evt_1\",\"type\":\"invoice.paid\"}")
        }) {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.errorCode()).isEqualTo("billing_unavailable");
            assertThat(answer.json().at("/error/message").asText()).contains("not configured");
        }
        CatalogView catalog = user.get(ApiPaths.BILLING_CATALOG).as(CatalogView.class);
        assertThat(catalog.plans()).hasSize(4).noneMatch(PlanView::purchasable);
        assertThat(catalog.packs()).hasSize(4).noneMatch(PackView::purchasable);
        assertThat(SERVER.client()
                        .get(ApiPaths.BILLING_SUCCESS_PAGE + "?session_id=cs_1")
                        .status())
                .isEqualTo(503);

        ApiClient admin = SERVER.client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        Answer grant = admin.post(
                ApiClient.path(ApiPaths.ADMIN_USER_CREDITS, Studio.userId(user)),
                Map.of("amount", 10, "reason", "goodwill"));
        assertThat(grant.status()).isBetween(200, 201);
        assertThat(Studio.credits(user)).isEqualTo(15);
    }

    @Test
    void theFreeTopUpRaisesFreeBalancesToFiveOncePerMonth() {
        ApiClient spent = SERVER.client().registerNew();
        ApiClient full = SERVER.client().registerNew();
        ApiClient paid = SERVER.client().registerNew();
        UUID spentId = Studio.userId(spent);
        UUID paidId = Studio.userId(paid);
        var ledger = SERVER.server().services().ledger();
        ledger.apply(spentId, -4, LedgerKind.DEBIT, "spent", "test-spend:" + spentId);
        ledger.apply(paidId, -5, LedgerKind.DEBIT, "spent", "test-spend:" + paidId);
        SERVER.server()
                .app()
                .database()
                .dsl()
                .update(com.pixfino.server.db.jooq.Tables.USERS)
                .set(com.pixfino.server.db.jooq.Tables.USERS.TIER, Tier.PRO)
                .where(com.pixfino.server.db.jooq.Tables.USERS.ID.eq(paidId))
                .execute();
        FreeMonthlyTopUp topUp = SERVER.server().services().freeTopUp();
        // accounts made this month already had their welcome grant: nothing until next month
        assertThat(topUp.run(YearMonth.now(ZoneOffset.UTC))).isZero();
        assertThat(Studio.credits(spent)).isEqualTo(1);

        YearMonth next = YearMonth.now(ZoneOffset.UTC).plusMonths(1);
        topUp.run(next);
        assertThat(Studio.credits(spent)).isEqualTo(5);
        assertThat(Studio.credits(full)).isEqualTo(5);
        assertThat(Studio.credits(paid)).as("paid plans are not topped up").isZero();
        assertThat(spent.get(ApiPaths.LEDGER)
                        .page(LedgerEntryView.class)
                        .items()
                        .get(0))
                .satisfies(row -> {
                    assertThat(row.kind()).isEqualTo(LedgerKind.GRANT);
                    assertThat(row.amount()).isEqualTo(4);
                    assertThat(row.reference()).isEqualTo("free-month:" + next);
                });

        ledger.apply(spentId, -5, LedgerKind.DEBIT, "spent again", "test-spend-2:" + spentId);
        topUp.run(next);
        assertThat(Studio.credits(spent)).as("once per user and month").isZero();
        topUp.run(next.plusMonths(1));
        assertThat(Studio.credits(spent)).isEqualTo(5);
        assertThat(ledger.ledgerSum(spentId)).isEqualTo(5);
    }
}
