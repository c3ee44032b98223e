package com.pixfino.server.billing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.Tier;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.model.api.UserView;
import com.pixfino.model.api.billing.CatalogView;
import com.pixfino.model.api.billing.CheckoutView;
import com.pixfino.model.api.billing.InvoiceList;
import com.pixfino.model.api.billing.PlanView;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.EventsStream;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.server.testsupport.fakes.FakeHttpServer;
import com.pixfino.server.testsupport.stripe.FakeStripe;
import com.pixfino.server.testsupport.stripe.FakeStripe.StripeEvent;
import com.pixfino.server.testsupport.stripe.StripeSignature;
import com.pixfino.server.testsupport.stripe.StripeTestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Billing through the API against a fake Stripe that keeps state, with events signed and posted as Stripe does. */
class BillingApiTest {

    private static FakeStripe stripe;
    private static TestServer server;
    private static String webhook;

    @BeforeAll
    static void start() {
        stripe = new FakeStripe();
        server = StripeTestServer.start(stripe);
        webhook = server.baseUrl() + ApiPaths.BILLING_WEBHOOK;
        stripe.webhookUrl(webhook);
    }

    @AfterAll
    static void stop() {
        server.close();
        stripe.close();
    }

    @Test
    void theCatalogueListsPlansFreeFirstAndPacksWithDecimalPrices() {
        ApiClient user = server.verifiedUser();
        Answer answer = user.get(ApiPaths.BILLING_CATALOG);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().at("/plans/1/priceUsd").isTextual()).isTrue();
        CatalogView catalog = answer.as(CatalogView.class);
        assertThat(catalog.plans())
                .extracting(PlanView::id, PlanView::priceUsd, PlanView::monthlyCredits, PlanView::purchasable)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("free", "0.00", 5, false),
                        org.assertj.core.groups.Tuple.tuple("starter", "9.99", 40, true),
                        org.assertj.core.groups.Tuple.tuple("pro", "29.99", 120, true),
                        org.assertj.core.groups.Tuple.tuple("business", "79.99", 350, false));
        assertThat(catalog.packs()).hasSize(4).allMatch(p -> p.purchasable());
        assertThat(catalog.packs().get(0).id()).isEqualTo("pack-20");
        assertThat(catalog.packs().get(0).priceUsd()).isEqualTo("4.99");
        assertThat(server.client().get(ApiPaths.BILLING_CATALOG).status()).isEqualTo(401);
    }

    @Test
    void buyingWaitsForAVerifiedEmailAddressAndAsksStripeNothingBefore() {
        ApiClient user = server.client().registerNew();
        int customers = stripe.customerCount();

        Answer refused = user.post(ApiPaths.BILLING_CHECKOUT, Map.of("item", "pack-50"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("email_unverified");
        assertThat(refused.json().path("error").path("message").asText())
                .startsWith("Buying credits or a plan needs a verified email address.");
        assertThat(stripe.customerCount()).isEqualTo(customers);
        assertThat(checkoutStatus(server.verifyEmail(user), "pack-50")).isEqualTo(201);
    }

    @Test
    void aPackCheckoutCreatesTheCustomerOnceAndSendsStripeWhatItNeeds() {
        ApiClient user = server.verifiedUser();
        UUID userId = Studio.userId(user);
        Answer created = user.post(ApiPaths.BILLING_CHECKOUT, Map.of("item", "pack-50"));
        assertThat(created.status()).isEqualTo(201);
        CheckoutView view = created.as(CheckoutView.class);
        assertThat(view.sessionId()).startsWith("cs_");
        assertThat(view.url()).startsWith("https://");

        FakeHttpServer.Call customer = stripe.call("POST", "/v1/customers", userId.toString());
        assertThat(java.net.URLDecoder.decode(customer.body(), StandardCharsets.UTF_8))
                .contains("metadata[pixfino_user]=" + userId);
        assertThat(customer.headers()).containsKey("Idempotency-Key");
        assertThat(customer.headers().get("Stripe-Version")).isEqualTo(FakeStripe.API_VERSION);
        FakeHttpServer.Call session = stripe.call("POST", "/v1/checkout/sessions", "client_reference_id=" + userId);
        String form = java.net.URLDecoder.decode(session.body(), StandardCharsets.UTF_8);
        assertThat(form)
                .contains("mode=payment")
                .contains("metadata[pixfino_item]=pack-50")
                .contains("line_items[0][price_data][unit_amount]=1199")
                .contains("line_items[0][price_data][currency]=usd")
                .contains("success_url=" + server.baseUrl() + "/billing/success?session_id={CHECKOUT_SESSION_ID}")
                .contains("cancel_url=" + server.baseUrl() + "/billing/cancel");
        assertThat(session.headers().get("Idempotency-Key")).isNotBlank();

        int customers = stripe.customerCount();
        assertThat(checkoutStatus(user, "pack-20")).isEqualTo(201);
        assertThat(stripe.customerCount()).as("the stored customer is reused").isEqualTo(customers);
    }

    @Test
    void aPaidPackIsGrantedOnceWhateverDeliversItAndHowOften() {
        ApiClient user = server.verifiedUser();
        int before = Studio.credits(user);
        String session = checkout(user, "pack-20");
        List<StripeEvent> events = stripe.completeCheckout(session);

        assertThat(deliver(events)).containsOnly(200);
        assertThat(Studio.credits(user)).isEqualTo(before + 20);
        assertThat(deliver(events)).as("a repeat answers 200 and does nothing").containsOnly(200);
        Answer page = server.client().get(ApiPaths.BILLING_SUCCESS_PAGE + "?session_id=" + session);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("close this tab and return to Pixfino Studio");
        assertThat(Studio.credits(user)).isEqualTo(before + 20);

        List<LedgerEntryView> purchases = ledger(user).stream()
                .filter(e -> e.kind() == LedgerKind.PURCHASE)
                .toList();
        assertThat(purchases).singleElement().satisfies(e -> {
            assertThat(e.amount()).isEqualTo(20);
            assertThat(e.reference()).isEqualTo("stripe:checkout:" + session);
        });
        assertThat(server.services().ledger().ledgerSum(Studio.userId(user))).isEqualTo(before + 20);
    }

    @Test
    void theSuccessPageFulfilsBeforeTheWebhookAndTheWebhookThenGrantsNothing() {
        ApiClient user = server.verifiedUser();
        int before = Studio.credits(user);
        String session = checkout(user, "pack-110");
        List<StripeEvent> events = stripe.completeCheckout(session);
        assertThat(server.client()
                        .get(ApiPaths.BILLING_SUCCESS_PAGE + "?session_id=" + session)
                        .body())
                .contains("your credits are on your balance");
        assertThat(Studio.credits(user)).isEqualTo(before + 110);
        assertThat(deliver(events)).containsOnly(200);
        assertThat(Studio.credits(user)).isEqualTo(before + 110);

        assertThat(server.client()
                        .get(ApiPaths.BILLING_SUCCESS_PAGE + "?session_id=cs_unknown")
                        .status())
                .isEqualTo(200);
        assertThat(server.client()
                        .get(ApiPaths.BILLING_SUCCESS_PAGE + "?session_id=%3Cscript%3E")
                        .body())
                .doesNotContain("<script>");
        assertThat(server.client().get(ApiPaths.BILLING_CANCEL_PAGE).body())
                .contains("close this tab and return to Pixfino Studio");
    }

    @Test
    void anUnpaidSessionGrantsNothingUntilItsAsyncPaymentSucceeds() throws Exception {
        ApiClient user = server.verifiedUser();
        int before = Studio.credits(user);
        String session = checkout(user, "pack-20");
        StripeEvent paid = stripe.completeCheckout(session).get(0);
        JsonNode event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(paid.json());
        String unpaid = paid.json()
                .replace("\"payment_status\":\"paid\"", "\"payment_status\":\"unpaid\"")
                .replace(event.get("id").asText(), "evt_unpaid_" + session);
        assertThat(FakeStripe.deliver(webhook, unpaid, header(unpaid))).isEqualTo(200);
        assertThat(Studio.credits(user)).isEqualTo(before);
        String async = paid.json()
                .replace("checkout.session.completed", "checkout.session.async_payment_succeeded")
                .replace(event.get("id").asText(), "evt_async_" + session);
        assertThat(FakeStripe.deliver(webhook, async, header(async))).isEqualTo(200);
        assertThat(Studio.credits(user)).isEqualTo(before + 20);
    }

    @Test
    void badMissingGarbledOrStaleSignaturesAndNonEventsAre400AndChangeNothing() {
        ApiClient user = server.verifiedUser();
        int before = Studio.credits(user);
        String session = checkout(user, "pack-20");
        String body = stripe.completeCheckout(session).get(0).json();
        long now = Instant.now().getEpochSecond();

        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put("wrong secret", StripeSignature.header(body, "whsec_someone_else", now));
        refusals.put("garbled", "t=abc,v1=zz");
        refusals.put("no v1", "t=" + now);
        refusals.put("stale", StripeSignature.header(body, FakeStripe.WEBHOOK_SECRET, now - 600));
        refusals.put("for another body", StripeSignature.header(body + " ", FakeStripe.WEBHOOK_SECRET, now));
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger webhookLog = (Logger) LoggerFactory.getLogger(StripeWebhook.class);
        webhookLog.addAppender(log);
        try {
            for (Map.Entry<String, String> refusal : refusals.entrySet()) {
                Answer answer = post(body, refusal.getValue());
                assertThat(answer.status()).as(refusal.getKey()).isEqualTo(400);
                assertThat(answer.errorCode()).as(refusal.getKey()).startsWith("invalid_");
            }
            assertThat(post(body, null).status()).isEqualTo(400);
            String notJson = "this is not json";
            assertThat(post(notJson, header(notJson)).status()).isEqualTo(400);
            String notEvent = "{\"hello\":\"world\"}";
            assertThat(post(notEvent, header(notEvent)).status()).isEqualTo(400);
        } finally {
            webhookLog.detachAppender(log);
        }
        assertThat(Studio.credits(user)).isEqualTo(before);
        // an operator with the wrong STRIPE_WEBHOOK_SECRET sees why in the log, and nothing of the secret or header
        assertThat(log.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        "event=stripe_webhook_refused reason=signature_mismatch",
                        "event=stripe_webhook_refused reason=malformed_signature",
                        "event=stripe_webhook_refused reason=malformed_signature",
                        "event=stripe_webhook_refused reason=stale_signature",
                        "event=stripe_webhook_refused reason=signature_mismatch",
                        "event=stripe_webhook_refused reason=missing_signature",
                        "event=stripe_webhook_refused reason=not_an_event",
                        "event=stripe_webhook_refused reason=not_an_event");

        assertThat(post(body, header(body)).status()).isEqualTo(200);
        assertThat(Studio.credits(user)).isEqualTo(before + 20);
    }

    @Test
    void unknownEventTypesAreAnswered200AndIgnored() {
        String body = "{\"id\":\"evt_unknown_type\",\"object\":\"event\",\"api_version\":\"" + FakeStripe.API_VERSION
                + "\",\"created\":1,\"type\":\"customer.tax_id.created\",\"data\":{\"object\":{\"id\":\"txi_1\","
                + "\"object\":\"tax_id\",\"description\":\"Zoë’s Ünïcode tax id\"}}}";
        Answer answer = post(body, header(body));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("outcome").asText()).isEqualTo("ignored");
    }

    @Test
    void unknownItemsAndBadBodiesAre400() {
        ApiClient user = server.verifiedUser();
        Answer unknown = user.post(ApiPaths.BILLING_CHECKOUT, Map.of("item", "pack-999"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorCode()).isEqualTo("unknown_item");
        assertThat(unknown.json().at("/error/message").asText()).contains("pack-20");
        Answer noPrice = user.post(ApiPaths.BILLING_CHECKOUT, Map.of("item", "business"));
        assertThat(noPrice.status()).isEqualTo(400);
        assertThat(noPrice.errorCode()).isEqualTo("unknown_item");
        assertThat(checkoutStatus(user, "free")).isEqualTo(400);
        assertThat(user.postRaw(ApiPaths.BILLING_CHECKOUT, "{}").status()).isEqualTo(400);
        assertThat(user.postRaw(ApiPaths.BILLING_CHECKOUT, "{\"item\":\"pack-20\",\"qty\":2}")
                        .errorCode())
                .isEqualTo("unknown_field");
        assertThat(checkoutStatus(server.client(), "pack-20")).isEqualTo(401);
    }

    @Test
    void portalAndInvoicesForAUserWithoutACustomer() {
        ApiClient user = server.verifiedUser();
        Answer portal = user.post(ApiPaths.BILLING_PORTAL, Map.of());
        assertThat(portal.status()).isEqualTo(409);
        assertThat(portal.errorCode()).isEqualTo("no_billing_account");
        Answer invoices = user.get(ApiPaths.BILLING_INVOICES);
        assertThat(invoices.status()).isEqualTo(200);
        assertThat(invoices.as(InvoiceList.class).items()).isEmpty();
    }

    @Test
    void aSubscriptionLifecycleMovesTheTierAndGrantsPerInvoiceInAnyOrder() {
        ApiClient user = server.verifiedUser();
        int before = Studio.credits(user);
        String session = checkout(user, "starter");
        assertThat(java.net.URLDecoder.decode(
                        stripe.call("POST", "/v1/checkout/sessions", "client_reference_id=" + Studio.userId(user))
                                .body(),
                        StandardCharsets.UTF_8))
                .contains("mode=subscription")
                .contains("line_items[0][price]=" + FakeStripe.PRICE_STARTER)
                .contains("metadata[pixfino_item]=starter");
        List<StripeEvent> events = new ArrayList<>(stripe.completeCheckout(session));
        Collections.reverse(events);
        assertThat(deliver(events)).containsOnly(200);
        String subscription = stripe.subscriptionOf(session);

        UserView me = user.get(ApiPaths.ME).as(UserView.class);
        assertThat(me.tier()).isEqualTo(Tier.STARTER);
        assertThat(me.credits()).isEqualTo(before + 40);
        assertThat(me.subscription().plan()).isEqualTo("starter");
        assertThat(me.subscription().status()).isEqualTo("active");
        assertThat(me.subscription().currentPeriodEnd()).isAfter(Instant.now().plus(Duration.ofDays(29)));
        assertThat(me.subscription().cancelAtPeriodEnd()).isFalse();
        assertThat(user.get(ApiPaths.ME)
                        .json()
                        .at("/subscription/currentPeriodEnd")
                        .asText())
                .endsWith("Z");

        Answer second = user.post(ApiPaths.BILLING_CHECKOUT, Map.of("item", "pro"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().at("/error/message").asText()).contains("billing portal");
        assertThat(checkoutStatus(user, "pack-20"))
                .as("packs stay on sale to subscribers")
                .isEqualTo(201);
        Answer portal = user.post(ApiPaths.BILLING_PORTAL, Map.of());
        assertThat(portal.status()).isEqualTo(201);
        assertThat(portal.json().get("url").asText()).startsWith("https://");
        assertThat(stripe.call("POST", "/v1/billing_portal/sessions", stripe.customerOfSession(session))
                        .headers())
                .containsKey("Idempotency-Key");

        assertThat(deliver(stripe.changePlan(subscription, FakeStripe.PRICE_PRO)))
                .containsOnly(200);
        me = user.get(ApiPaths.ME).as(UserView.class);
        assertThat(me.tier()).isEqualTo(Tier.PRO);
        assertThat(me.credits()).as("an upgrade grants the difference").isEqualTo(before + 40 + 80);

        List<StripeEvent> renewal = new ArrayList<>(stripe.renew(subscription));
        Collections.reverse(renewal);
        assertThat(deliver(renewal)).containsOnly(200);
        assertThat(Studio.credits(user)).isEqualTo(before + 40 + 80 + 120);

        assertThat(deliver(stripe.failPayment(subscription))).containsOnly(200);
        me = user.get(ApiPaths.ME).as(UserView.class);
        assertThat(me.subscription().status()).isEqualTo("past_due");
        assertThat(me.tier()).as("kept until Stripe cancels").isEqualTo(Tier.PRO);

        assertThat(deliver(stripe.cancel(subscription))).containsOnly(200);
        me = user.get(ApiPaths.ME).as(UserView.class);
        assertThat(me.tier()).isEqualTo(Tier.FREE);
        assertThat(me.subscription()).isNull();
        assertThat(me.credits()).as("credits already granted stay").isEqualTo(before + 40 + 80 + 120);

        InvoiceList invoices = user.get(ApiPaths.BILLING_INVOICES).as(InvoiceList.class);
        assertThat(invoices.items()).hasSize(4);
        assertThat(invoices.items()).anySatisfy(i -> {
            assertThat(i.amountUsd()).isEqualTo("9.99");
            assertThat(i.status()).isEqualTo("paid");
            assertThat(i.hostedInvoiceUrl()).startsWith("https://");
            assertThat(i.createdAt()).isNotNull();
        });
        assertThat(server.services().ledger().ledgerSum(Studio.userId(user))).isEqualTo(Studio.credits(user));
    }

    @Test
    void aRefundedPackIsClawedBackButNeverBelowZero() {
        ApiClient user = server.verifiedUser();
        UUID userId = Studio.userId(user);
        int before = Studio.credits(user);
        String session = checkout(user, "pack-20");
        deliver(stripe.completeCheckout(session));
        assertThat(Studio.credits(user)).isEqualTo(before + 20);
        // the user spends most of it before the refund arrives
        server.services().ledger().apply(userId, -(before + 15), LedgerKind.DEBIT, "spent", "test-spend:" + userId);
        assertThat(deliver(stripe.refund(session, 499))).containsOnly(200);
        assertThat(Studio.credits(user)).isZero();
        assertThat(ledger(user))
                .filteredOn(e -> e.kind() == LedgerKind.ADJUSTMENT)
                .singleElement()
                .satisfies(e -> assertThat(e.amount()).isEqualTo(-5));
        assertThat(server.services().ledger().ledgerSum(userId)).isZero();
    }

    @Test
    void aRefundThatArrivesBeforeItsPackIsAppliedWhenThePackIs() {
        ApiClient user = server.verifiedUser();
        int before = Studio.credits(user);
        String session = checkout(user, "pack-50");
        List<StripeEvent> paid = stripe.completeCheckout(session);
        assertThat(deliver(stripe.refund(session, 1199))).containsOnly(200);
        assertThat(Studio.credits(user)).isEqualTo(before);
        assertThat(deliver(paid)).containsOnly(200);
        assertThat(Studio.credits(user)).isEqualTo(before);
        assertThat(ledger(user)).extracting(LedgerEntryView::kind).contains(LedgerKind.PURCHASE, LedgerKind.ADJUSTMENT);
    }

    @Test
    void concurrentFulfilmentsOfOneSessionGrantOnce() throws Exception {
        ApiClient user = server.verifiedUser();
        int before = Studio.credits(user);
        String session = checkout(user, "pack-240");
        StripeEvent completed = stripe.completeCheckout(session).get(0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> server.client()
                        .get(ApiPaths.BILLING_SUCCESS_PAGE + "?session_id=" + session)
                        .status());
                calls.add(() -> FakeStripe.deliver(webhook, completed));
            }
            for (Future<Integer> result : pool.invokeAll(calls)) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Studio.credits(user)).isEqualTo(before + 240);
        assertThat(ledger(user))
                .filteredOn(e -> e.kind() == LedgerKind.PURCHASE)
                .hasSize(1);
    }

    @Test
    void aFailurePartWayAnswers500AndTheRetryAppliesIt() {
        ApiClient user = server.verifiedUser();
        String session = checkout(user, "starter");
        List<StripeEvent> events = stripe.completeCheckout(session);
        StripeEvent created = events.stream()
                .filter(e -> e.type().equals("customer.subscription.created"))
                .findFirst()
                .orElseThrow();
        stripe.failSubscriptionReads(3);
        assertThat(FakeStripe.deliver(webhook, created)).isEqualTo(500);
        assertThat(user.get(ApiPaths.ME).as(UserView.class).tier()).isEqualTo(Tier.FREE);
        stripe.failSubscriptionReads(0);
        assertThat(FakeStripe.deliver(webhook, created)).isEqualTo(200);
        assertThat(user.get(ApiPaths.ME).as(UserView.class).tier()).isEqualTo(Tier.STARTER);
        deliver(events);
        stripe.cancel(stripe.subscriptionOf(session)).forEach(e -> FakeStripe.deliver(webhook, e));
    }

    @Test
    void lowBalanceFollowsTheThreshold() {
        ApiClient user = server.verifiedUser();
        UserView me = user.get(ApiPaths.ME).as(UserView.class);
        assertThat(me.credits()).isEqualTo(5);
        assertThat(me.lowBalance()).isTrue();
        assertThat(me.subscription()).isNull();
        assertThat(user.get(ApiPaths.ME).json().has("subscription")).isTrue();
        deliver(stripe.completeCheckout(checkout(user, "pack-20")));
        assertThat(user.get(ApiPaths.ME).as(UserView.class).lowBalance()).isFalse();
    }

    @Test
    void aPurchaseReachesTheUsersStreamOnAnotherServerAsABalanceEvent() throws Exception {
        ApiClient user = server.verifiedUser();
        String session = checkout(user, "pack-20");
        // a second instance on the same database: the webhook lands on the first, the studio listens on the second
        try (TestServer other = TestServer.start(TestServer.config(
                                com.pixfino.server.testsupport.TestDatabases.TestDirs.fresh("billing-b"),
                                server.config().database())
                        .withBilling(StripeTestServer.billing(stripe)));
                EventsStream stream = EventsStream.open(other.client().withToken(user.token()))) {
            assertThat(stream.readLine()).startsWith(":");
            deliver(stripe.completeCheckout(session));
            String data = stream.awaitData(ApiPaths.BALANCE_EVENT, Duration.ofSeconds(20));
            if (data == null) {
                throw new AssertionError("no balance event arrived");
            }
            JsonNode balance = new com.fasterxml.jackson.databind.ObjectMapper().readTree(data);
            assertThat(balance.get("credits").asInt()).isEqualTo(25);
            assertThat(balance.get("reason").asText()).isEqualTo("purchase");
        }
    }

    @Test
    void theExportHoldsTheBillingRowsAndDeletionCancelsTheSubscriptionAndRemovesThem() throws Exception {
        ApiClient user = server.verifiedUser();
        UUID userId = Studio.userId(user);
        String pack = checkout(user, "pack-20");
        deliver(stripe.completeCheckout(pack));
        String plan = checkout(user, "starter");
        deliver(stripe.completeCheckout(plan));
        String subscription = stripe.subscriptionOf(plan);

        Answer export = user.get(ApiPaths.ME_EXPORT);
        assertThat(export.status()).isEqualTo(200);
        Map<String, String> entries = new java.util.HashMap<>();
        try (java.util.zip.ZipInputStream zip =
                new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(export.bytes()))) {
            for (java.util.zip.ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(entries.get("purchases.json")).contains("checkout:" + pack).contains("pack-20");
        assertThat(entries.get("billing.json"))
                .contains(stripe.customerOfSession(pack))
                .contains(subscription)
                .contains("starter");

        Answer deleted = user.method("DELETE", ApiPaths.ME, "{\"password\":\"correct-Horse-7\"}");
        assertThat(deleted.status()).as(deleted.body()).isBetween(200, 204);
        assertThat(stripe.subscriptionStatus(subscription)).isEqualTo("canceled");
        var dsl = server.app().database().dsl();
        assertThat(dsl.fetchCount(
                        com.pixfino.server.db.jooq.Tables.BILLING_ACCOUNTS,
                        com.pixfino.server.db.jooq.Tables.BILLING_ACCOUNTS.USER_ID.eq(userId)))
                .isZero();
        assertThat(dsl.fetchCount(
                        com.pixfino.server.db.jooq.Tables.BILLING_GRANTS,
                        com.pixfino.server.db.jooq.Tables.BILLING_GRANTS.USER_ID.eq(userId)))
                .isZero();
        // a late event for the deleted customer is answered and changes nothing
        assertThat(deliver(stripe.renew(subscription))).containsOnly(200);
    }

    private static int checkoutStatus(ApiClient user, String item) {
        return user.post(ApiPaths.BILLING_CHECKOUT, Map.of("item", item)).status();
    }

    private static String checkout(ApiClient user, String item) {
        Answer answer = user.post(ApiPaths.BILLING_CHECKOUT, Map.of("item", item));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.as(CheckoutView.class).sessionId();
    }

    private static List<Integer> deliver(List<StripeEvent> events) {
        return events.stream().map(e -> FakeStripe.deliver(webhook, e)).toList();
    }

    private static Answer post(String body, String signature) {
        Map<String, String> headers = signature == null ? Map.of() : Map.of("Stripe-Signature", signature);
        return server.client()
                .send(
                        "POST",
                        ApiPaths.BILLING_WEBHOOK,
                        ApiClient.body(body.getBytes(StandardCharsets.UTF_8), "application/json"),
                        headers);
    }

    private static String header(String body) {
        return StripeSignature.header(
                body, FakeStripe.WEBHOOK_SECRET, Instant.now().getEpochSecond());
    }

    private static List<LedgerEntryView> ledger(ApiClient user) {
        return user.get(ApiPaths.LEDGER + "?limit=100")
                .page(LedgerEntryView.class)
                .items();
    }
}
