package com.pixfino.server.billing;

import static com.pixfino.server.db.jooq.Tables.CREDIT_LEDGER;
import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.Tier;
import com.pixfino.model.api.UserView;
import com.pixfino.model.api.billing.CheckoutView;
import com.pixfino.server.db.jooq.tables.records.CreditLedgerRecord;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.server.testsupport.stripe.FakeStripe;
import com.pixfino.server.testsupport.stripe.FakeStripe.StripeEvent;
import com.pixfino.server.testsupport.stripe.StripeTestServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random subscription lifecycles and pack purchases (with refunds), then every event Stripe would send delivered 1 to
 * 3 times in a shuffled order by three senders at once: the balance, the tier and the ledger end as the model says, the balance equals the
 * ledger sum, and each invoice and pack session has exactly one ledger row.
 */
class BillingLifecycleProperties {

    private static final Map<String, Tier> PLANS =
            Map.of(FakeStripe.PRICE_STARTER, Tier.STARTER, FakeStripe.PRICE_PRO, Tier.PRO);

    private static FakeStripe stripe;
    private static TestServer server;
    private static String webhook;

    enum Step {
        BUY_PACK,
        SUBSCRIBE,
        RENEW,
        CHANGE_PLAN,
        FAIL_PAYMENT,
        CANCEL
    }

    @BeforeContainer
    static void start() {
        stripe = new FakeStripe();
        server = StripeTestServer.start(stripe);
        webhook = server.baseUrl() + ApiPaths.BILLING_WEBHOOK;
    }

    @AfterContainer
    static void stop() {
        server.close();
        stripe.close();
    }

    @Provide
    Arbitrary<List<Step>> lifecycles() {
        // subscriptions first more often, so most lifecycles have renewals, plan changes and endings to reorder
        return Arbitraries.frequency(
                        Tuple.of(2, Step.BUY_PACK),
                        Tuple.of(3, Step.SUBSCRIBE),
                        Tuple.of(2, Step.RENEW),
                        Tuple.of(2, Step.CHANGE_PLAN),
                        Tuple.of(1, Step.FAIL_PAYMENT),
                        Tuple.of(1, Step.CANCEL))
                .list()
                .ofMinSize(4)
                .ofMaxSize(10);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 12, edgeCases = EdgeCasesMode.NONE)
    void anyOrderAndAnyRepeatsEndInTheModelsBooks(@ForAll("lifecycles") List<Step> steps, @ForAll("seeds") long seed)
            throws Exception {
        Random random = new Random(seed);
        ApiClient user = server.verifiedUser();
        UUID userId = Studio.userId(user);
        int expected = Studio.credits(user);
        List<StripeEvent> events = new ArrayList<>();
        List<String> packSessions = new ArrayList<>();
        int grantedInvoices = 0;
        String subscription = null;
        String price = null;
        String status = null;

        for (Step step : steps) {
            boolean live = "active".equals(status) || "past_due".equals(status);
            switch (step) {
                case BUY_PACK -> {
                    CreditPack pack = CreditPack.DEFAULTS.get(random.nextInt(CreditPack.DEFAULTS.size()));
                    String session = checkout(user, pack.id());
                    events.addAll(stripe.completeCheckout(session));
                    packSessions.add(session);
                    expected += pack.credits();
                    if (random.nextInt(4) == 0) {
                        events.addAll(stripe.refund(session, pack.priceCents()));
                        expected -= pack.credits();
                    }
                }
                case SUBSCRIBE -> {
                    if (!live) {
                        price = random.nextBoolean() ? FakeStripe.PRICE_STARTER : FakeStripe.PRICE_PRO;
                        String session = checkout(user, BillingCatalog.planId(PLANS.get(price)));
                        events.addAll(stripe.completeCheckout(session));
                        subscription = stripe.subscriptionOf(session);
                        status = "active";
                        expected += PLANS.get(price).defaultMonthlyCredits();
                        grantedInvoices++;
                    }
                }
                case RENEW -> {
                    if (live) {
                        events.addAll(stripe.renew(subscription));
                        status = "active";
                        expected += PLANS.get(price).defaultMonthlyCredits();
                        grantedInvoices++;
                    }
                }
                case CHANGE_PLAN -> {
                    if (live) {
                        String other = price.equals(FakeStripe.PRICE_STARTER)
                                ? FakeStripe.PRICE_PRO
                                : FakeStripe.PRICE_STARTER;
                        events.addAll(stripe.changePlan(subscription, other));
                        int difference = PLANS.get(other).defaultMonthlyCredits()
                                - PLANS.get(price).defaultMonthlyCredits();
                        if (difference > 0) {
                            expected += difference;
                            grantedInvoices++;
                        }
                        price = other;
                    }
                }
                case FAIL_PAYMENT -> {
                    if (live) {
                        events.addAll(stripe.failPayment(subscription));
                        status = "past_due";
                    }
                }
                case CANCEL -> {
                    if (live) {
                        events.addAll(stripe.cancel(subscription));
                        status = "canceled";
                    }
                }
            }
        }

        List<StripeEvent> deliveries = new ArrayList<>();
        for (StripeEvent event : events) {
            int copies = 1 + random.nextInt(3);
            for (int i = 0; i < copies; i++) {
                deliveries.add(event);
            }
        }
        Collections.shuffle(deliveries, random);
        // three senders at once, as Stripe's retries and parallel deliveries would
        java.util.concurrent.ConcurrentLinkedQueue<StripeEvent> queue =
                new java.util.concurrent.ConcurrentLinkedQueue<>(deliveries);
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                results.add(senders.submit(() -> {
                    List<String> refused = new ArrayList<>();
                    for (StripeEvent event; (event = queue.poll()) != null; ) {
                        int answered = FakeStripe.deliver(webhook, event);
                        if (answered != 200) {
                            refused.add(event.type() + " -> " + answered);
                        }
                    }
                    return refused;
                }));
            }
            for (java.util.concurrent.Future<List<String>> result : results) {
                assertThat(result.get()).as("deliveries not answered 200").isEmpty();
            }
        } finally {
            senders.shutdownNow();
        }

        boolean liveAtEnd = "active".equals(status) || "past_due".equals(status);
        UserView me = user.get(ApiPaths.ME).as(UserView.class);
        assertThat(me.credits()).as("balance").isEqualTo(expected);
        assertThat(me.tier()).as("tier").isEqualTo(liveAtEnd ? PLANS.get(price) : Tier.FREE);
        if (liveAtEnd) {
            assertThat(me.subscription().status()).isEqualTo(status);
            assertThat(me.subscription().plan()).isEqualTo(BillingCatalog.planId(PLANS.get(price)));
        } else {
            assertThat(me.subscription()).isNull();
        }
        List<CreditLedgerRecord> rows = server.app()
                .database()
                .dsl()
                .selectFrom(CREDIT_LEDGER)
                .where(CREDIT_LEDGER.USER_ID.eq(userId))
                .fetch();
        assertThat(rows.stream().mapToInt(CreditLedgerRecord::getAmount).sum())
                .as("ledger sum")
                .isEqualTo(expected);
        List<String> invoiceRows = rows.stream()
                .map(CreditLedgerRecord::getReference)
                .filter(r -> r != null && r.startsWith("stripe:invoice:"))
                .toList();
        assertThat(invoiceRows).doesNotHaveDuplicates().hasSize(grantedInvoices);
        List<String> packRows = rows.stream()
                .filter(r -> r.getKind() == LedgerKind.PURCHASE)
                .map(CreditLedgerRecord::getReference)
                .toList();
        assertThat(packRows)
                .containsExactlyInAnyOrderElementsOf(
                        packSessions.stream().map(s -> "stripe:checkout:" + s).toList());
    }

    private static String checkout(ApiClient user, String item) {
        ApiClient.Answer answer = user.post(ApiPaths.BILLING_CHECKOUT, Map.of("item", item));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.as(CheckoutView.class).sessionId();
    }
}
