package com.pixfino.server.testsupport.stripe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pixfino.server.testsupport.fakes.FakeHttpServer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for the parts of Stripe's API the server calls, keeping state: customers, Checkout sessions (payment and
 * subscription mode), billing portal sessions, subscriptions and invoices, in Stripe's form-encoded requests and JSON
 * shapes at API version {@code 2026-07-29.dahlia} (an invoice's subscription under
 * {@code parent.subscription_details}, a line's price under {@code pricing.price_details}, the period end on the
 * subscription's items). A POST replayed with the same {@code Idempotency-Key} gets the first answer again.
 *
 * <p>What a buyer or Stripe would do next is a method here ({@link #completeCheckout}, {@link #renew},
 * {@link #changePlan}, {@link #failPayment}, {@link #cancel}, {@link #refund}): each changes the state as Stripe would
 * and returns the events Stripe would send, for {@link #deliver} to sign and post (or a test to shuffle and repeat).
 */
public final class FakeStripe extends FakeHttpServer {

    public static final String SECRET_KEY = "sk_test_fake_pixfino";
    public static final String WEBHOOK_SECRET = "whsec_fake_pixfino_signing_secret";
    public static final String API_VERSION = "2026-07-29.dahlia";
    public static final String PRICE_STARTER = "price_starter_test";
    public static final String PRICE_PRO = "price_pro_test";
    public static final String PRICE_BUSINESS = "price_business_test";
    public static final Map<String, Long> PLAN_CENTS =
            Map.of(PRICE_STARTER, 999L, PRICE_PRO, 2999L, PRICE_BUSINESS, 7999L);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, ObjectNode> customers = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> sessions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> invoices = new ConcurrentHashMap<>();
    private final Map<String, String> idempotent = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicReference<String> webhookUrl = new AtomicReference<>();
    private final AtomicInteger failNextSubscriptionReads = new AtomicInteger();

    /** A Stripe event: its id, type and the exact JSON body Stripe would post. */
    public record StripeEvent(String id, String type, String json) {}

    @Override
    protected void routes(Javalin app) {
        app.before("/v1/*", ctx -> {
            if (!("Bearer " + SECRET_KEY).equals(ctx.header("Authorization"))) {
                error(ctx, 401, "invalid_request_error", null, "Invalid API Key provided.");
                ctx.skipRemainingHandlers();
            }
        });
        app.post("/v1/customers", ctx -> once(ctx, this::createCustomer));
        app.post("/v1/checkout/sessions", ctx -> once(ctx, this::createSession));
        app.get("/v1/checkout/sessions/{id}", ctx -> found(ctx, sessions, "checkout.session"));
        app.post("/v1/billing_portal/sessions", ctx -> once(ctx, this::createPortal));
        app.get("/v1/subscriptions/{id}", ctx -> {
            if (failNextSubscriptionReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                error(ctx, 500, "api_error", null, "An unknown error occurred.");
                return;
            }
            found(ctx, subscriptions, "subscription");
        });
        app.delete("/v1/subscriptions/{id}", ctx -> {
            ObjectNode subscription = subscriptions.get(ctx.pathParam("id"));
            if (subscription == null) {
                error(
                        ctx,
                        404,
                        "invalid_request_error",
                        "resource_missing",
                        "No such subscription: '" + ctx.pathParam("id") + "'");
                return;
            }
            synchronized (subscription) {
                subscription.put("status", "canceled");
            }
            json(ctx, 200, visible(subscription).toString());
        });
        app.get("/v1/invoices", this::listInvoices);
        // control endpoints for a test in another process: complete a session and deliver its events
        app.post("/_fake/webhook", ctx -> {
            webhookUrl.set(ctx.body().trim());
            ctx.status(204);
        });
        app.post("/_fake/checkout/{id}/complete", ctx -> {
            List<StripeEvent> events = completeCheckout(ctx.pathParam("id"));
            for (StripeEvent event : events) {
                deliver(webhookUrl.get(), event);
            }
            ctx.status(204);
        });
    }

    /** Where {@code /_fake/checkout/{id}/complete} delivers events. */
    public void webhookUrl(String url) {
        webhookUrl.set(url);
    }

    /** The next {@code n} subscription reads fail with a 500, as a Stripe outage would. */
    public void failSubscriptionReads(int n) {
        failNextSubscriptionReads.set(n);
    }

    // ---- the API ----

    private String createCustomer(Context ctx) {
        ObjectNode customer = object("cus", "customer");
        customer.put("email", ctx.formParam("email"));
        customer.set("metadata", metadata(ctx, "metadata"));
        customers.put(customer.get("id").asText(), customer);
        return customer.toString();
    }

    private String createSession(Context ctx) {
        String mode = ctx.formParam("mode");
        String customer = ctx.formParam("customer");
        if (customer == null || !customers.containsKey(customer)) {
            throw new Refusal(400, "resource_missing", "No such customer: '" + customer + "'");
        }
        if (!"payment".equals(mode) && !"subscription".equals(mode)) {
            throw new Refusal(400, "parameter_invalid_string", "Invalid mode: " + mode);
        }
        ObjectNode session = object("cs_test", "checkout.session");
        String id = session.get("id").asText();
        session.put("mode", mode);
        session.put("customer", customer);
        session.put("client_reference_id", ctx.formParam("client_reference_id"));
        session.set("metadata", metadata(ctx, "metadata"));
        session.put("status", "open");
        session.put("payment_status", "unpaid");
        session.put("success_url", ctx.formParam("success_url"));
        session.put("cancel_url", ctx.formParam("cancel_url"));
        session.put("url", "https://checkout.stripe.test/c/pay/" + id);
        session.putNull("payment_intent");
        session.putNull("subscription");
        session.put("currency", "usd");
        if ("subscription".equals(mode)) {
            String price = ctx.formParam("line_items[0][price]");
            if (price == null || !PLAN_CENTS.containsKey(price)) {
                throw new Refusal(400, "resource_missing", "No such price: '" + price + "'");
            }
            session.put("amount_total", PLAN_CENTS.get(price));
            session.put("x_price", price);
            session.set("x_subscription_metadata", metadata(ctx, "subscription_data[metadata]"));
        } else {
            String amount = ctx.formParam("line_items[0][price_data][unit_amount]");
            if (amount == null || !"usd".equals(ctx.formParam("line_items[0][price_data][currency]"))) {
                throw new Refusal(400, "parameter_missing", "Missing line_items[0][price_data].");
            }
            session.put("amount_total", Long.parseLong(amount));
        }
        sessions.put(id, session);
        return visible(session).toString();
    }

    private String createPortal(Context ctx) {
        String customer = ctx.formParam("customer");
        if (customer == null || !customers.containsKey(customer)) {
            throw new Refusal(400, "resource_missing", "No such customer: '" + customer + "'");
        }
        ObjectNode portal = object("bps", "billing_portal.session");
        portal.put("customer", customer);
        portal.put("return_url", ctx.formParam("return_url"));
        portal.put(
                "url",
                "https://billing.stripe.test/p/session/" + portal.get("id").asText());
        return portal.toString();
    }

    private void listInvoices(Context ctx) {
        String customer = ctx.queryParam("customer");
        int limit = ctx.queryParam("limit") == null ? 10 : Integer.parseInt(ctx.queryParam("limit"));
        List<ObjectNode> mine = invoices.values().stream()
                .filter(i -> i.path("customer").asText().equals(customer))
                .sorted(Comparator.comparingLong(
                                (ObjectNode i) -> i.path("created").asLong())
                        .thenComparing(i -> i.path("id").asText())
                        .reversed())
                .toList();
        ObjectNode list = JSON.createObjectNode();
        list.put("object", "list");
        list.put("url", "/v1/invoices");
        list.put("has_more", mine.size() > limit);
        ArrayNode data = list.putArray("data");
        mine.stream().limit(limit).forEach(data::add);
        json(ctx, 200, list.toString());
    }

    private void found(Context ctx, Map<String, ObjectNode> store, String kind) {
        ObjectNode found = store.get(ctx.pathParam("id"));
        if (found == null) {
            error(
                    ctx,
                    404,
                    "invalid_request_error",
                    "resource_missing",
                    "No such " + kind + ": '" + ctx.pathParam("id") + "'");
            return;
        }
        json(ctx, 200, visible(found).toString());
    }

    /** Answers a POST once per Idempotency-Key, replaying the first answer for a repeat. */
    private void once(Context ctx, java.util.function.Function<Context, String> create) {
        String key = ctx.header("Idempotency-Key");
        try {
            String body = key == null
                    ? create.apply(ctx)
                    : idempotent.computeIfAbsent(ctx.path() + "|" + key, k -> create.apply(ctx));
            json(ctx, 200, body);
        } catch (Refusal r) {
            error(ctx, r.status, "invalid_request_error", r.code, r.getMessage());
        }
    }

    // ---- what happens next, as Stripe would do it ----

    /**
     * The buyer pays: a payment session becomes paid (with a payment intent); a subscription session creates the
     * subscription and its first paid invoice. Returns Stripe's events for it.
     */
    public List<StripeEvent> completeCheckout(String sessionId) {
        ObjectNode session = sessions.get(sessionId);
        if (session == null) {
            throw new IllegalArgumentException("no session " + sessionId);
        }
        List<StripeEvent> events = new ArrayList<>();
        synchronized (session) {
            session.put("status", "complete");
            session.put("payment_status", "paid");
            if ("payment".equals(session.get("mode").asText())) {
                session.put("payment_intent", newId("pi"));
                events.add(event("checkout.session.completed", visible(session)));
                return events;
            }
            String customer = session.get("customer").asText();
            ObjectNode subscription = object("sub", "subscription");
            String subscriptionId = subscription.get("id").asText();
            subscription.put("customer", customer);
            subscription.put("status", "active");
            subscription.put("cancel_at_period_end", false);
            subscription.set("metadata", session.get("x_subscription_metadata"));
            setPrice(
                    subscription, session.get("x_price").asText(), Instant.now().plus(Duration.ofDays(30)));
            subscriptions.put(subscriptionId, subscription);
            session.put("subscription", subscriptionId);
            ObjectNode invoice = invoice(customer, subscriptionId, "subscription_create");
            addLine(
                    invoice,
                    session.get("x_price").asText(),
                    PLAN_CENTS.get(session.get("x_price").asText()),
                    false);
            events.add(event("checkout.session.completed", visible(session)));
            events.add(event("customer.subscription.created", subscription));
            events.add(event("invoice.paid", invoice));
        }
        return events;
    }

    /** A new period is paid. */
    public List<StripeEvent> renew(String subscriptionId) {
        ObjectNode subscription = subscriptions.get(subscriptionId);
        synchronized (subscription) {
            String price = priceOf(subscription);
            subscription.put("status", "active");
            setPrice(subscription, price, periodEnd(subscription).plus(Duration.ofDays(30)));
            ObjectNode invoice = invoice(subscription.get("customer").asText(), subscriptionId, "subscription_cycle");
            addLine(invoice, price, PLAN_CENTS.get(price), false);
            return List.of(event("invoice.paid", invoice), event("customer.subscription.updated", subscription));
        }
    }

    /** A plan change with an immediate proration invoice: the unused old plan back, the new plan charged. */
    public List<StripeEvent> changePlan(String subscriptionId, String newPrice) {
        ObjectNode subscription = subscriptions.get(subscriptionId);
        synchronized (subscription) {
            String oldPrice = priceOf(subscription);
            setPrice(subscription, newPrice, periodEnd(subscription));
            ObjectNode invoice = invoice(subscription.get("customer").asText(), subscriptionId, "subscription_update");
            addLine(invoice, oldPrice, -PLAN_CENTS.get(oldPrice) / 2, true);
            addLine(invoice, newPrice, PLAN_CENTS.get(newPrice) / 2, true);
            return List.of(event("customer.subscription.updated", subscription), event("invoice.paid", invoice));
        }
    }

    /** A renewal payment fails: the subscription goes past_due and the invoice stays open. */
    public List<StripeEvent> failPayment(String subscriptionId) {
        ObjectNode subscription = subscriptions.get(subscriptionId);
        synchronized (subscription) {
            subscription.put("status", "past_due");
            ObjectNode invoice = invoice(subscription.get("customer").asText(), subscriptionId, "subscription_cycle");
            invoice.put("status", "open");
            invoice.put("amount_paid", 0);
            addLine(invoice, priceOf(subscription), PLAN_CENTS.get(priceOf(subscription)), false);
            return List.of(
                    event("invoice.payment_failed", invoice), event("customer.subscription.updated", subscription));
        }
    }

    /** The subscription ends now. */
    public List<StripeEvent> cancel(String subscriptionId) {
        ObjectNode subscription = subscriptions.get(subscriptionId);
        synchronized (subscription) {
            subscription.put("status", "canceled");
            return List.of(event("customer.subscription.deleted", subscription));
        }
    }

    /** Refunds {@code cents} of a paid pack session's charge (all of it when {@code cents} is the total). */
    public List<StripeEvent> refund(String sessionId, long cents) {
        ObjectNode session = sessions.get(sessionId);
        ObjectNode charge = object("ch", "charge");
        charge.put("payment_intent", session.get("payment_intent").asText());
        charge.put("customer", session.get("customer").asText());
        charge.put("amount", session.get("amount_total").asLong());
        charge.put("amount_refunded", cents);
        charge.put("refunded", cents >= session.get("amount_total").asLong());
        charge.put("currency", "usd");
        charge.put("status", "succeeded");
        return List.of(event("charge.refunded", charge));
    }

    /** Stripe's status of a subscription now. */
    public String subscriptionStatus(String subscriptionId) {
        return subscriptions.get(subscriptionId).path("status").asText();
    }

    /** The id of the subscription a completed subscription session made. */
    public String subscriptionOf(String sessionId) {
        return sessions.get(sessionId).path("subscription").asText(null);
    }

    public String customerOfSession(String sessionId) {
        return sessions.get(sessionId).path("customer").asText(null);
    }

    public int customerCount() {
        return customers.size();
    }

    /** Signs and posts an event as Stripe does; answers the server's status. */
    public static int deliver(String url, StripeEvent event) {
        return deliver(
                url,
                event.json(),
                StripeSignature.header(
                        event.json(), WEBHOOK_SECRET, Instant.now().getEpochSecond()));
    }

    /** Posts {@code body} with {@code signature} as the Stripe-Signature header (null: none). */
    public static int deliver(String url, String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- shapes ----

    private ObjectNode invoice(String customer, String subscriptionId, String reason) {
        ObjectNode invoice = object("in", "invoice");
        invoice.put("customer", customer);
        invoice.put("status", "paid");
        invoice.put("billing_reason", reason);
        invoice.put("currency", "usd");
        invoice.put(
                "hosted_invoice_url",
                "https://invoice.stripe.test/i/" + invoice.get("id").asText());
        ObjectNode parent = invoice.putObject("parent");
        parent.put("type", "subscription_details");
        parent.putObject("subscription_details")
                .put("subscription", subscriptionId)
                .putObject("metadata");
        ObjectNode lines = invoice.putObject("lines");
        lines.put("object", "list");
        lines.put("has_more", false);
        lines.put("url", "/v1/invoices/" + invoice.get("id").asText() + "/lines");
        lines.putArray("data");
        invoice.put("total", 0);
        invoice.put("amount_paid", 0);
        invoices.put(invoice.get("id").asText(), invoice);
        return invoice;
    }

    private void addLine(ObjectNode invoice, String price, long cents, boolean proration) {
        ObjectNode line = ((ArrayNode) invoice.get("lines").get("data")).addObject();
        line.put("id", newId("il"));
        line.put("object", "line_item");
        line.put("amount", cents);
        line.put("currency", "usd");
        ObjectNode pricing = line.putObject("pricing");
        pricing.put("type", "price_details");
        pricing.putObject("price_details").put("price", price).put("product", "prod_" + price);
        ObjectNode parent = line.putObject("parent");
        parent.put("type", "subscription_item_details");
        parent.putObject("subscription_item_details")
                .put(
                        "subscription",
                        invoice.at("/parent/subscription_details/subscription").asText())
                .put("proration", proration);
        long total = invoice.get("total").asLong() + cents;
        invoice.put("total", total);
        if ("paid".equals(invoice.get("status").asText())) {
            invoice.put("amount_paid", Math.max(0, total));
        }
    }

    private void setPrice(ObjectNode subscription, String price, Instant periodEnd) {
        ObjectNode items = subscription.putObject("items");
        items.put("object", "list");
        items.put("has_more", false);
        ObjectNode item = items.putArray("data").addObject();
        item.put("id", "si_" + subscription.get("id").asText());
        item.put("object", "subscription_item");
        item.put("subscription", subscription.get("id").asText());
        item.put("current_period_end", periodEnd.getEpochSecond());
        item.put("current_period_start", periodEnd.minus(Duration.ofDays(30)).getEpochSecond());
        ObjectNode priceObject = item.putObject("price");
        priceObject.put("id", price);
        priceObject.put("object", "price");
        priceObject.put("unit_amount", PLAN_CENTS.get(price));
        priceObject.put("currency", "usd");
    }

    private static String priceOf(ObjectNode subscription) {
        return subscription.at("/items/data/0/price/id").asText();
    }

    private static Instant periodEnd(ObjectNode subscription) {
        return Instant.ofEpochSecond(
                subscription.at("/items/data/0/current_period_end").asLong());
    }

    private StripeEvent event(String type, ObjectNode object) {
        ObjectNode event = object("evt", "event");
        event.put("api_version", API_VERSION);
        event.put("type", type);
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.putObject("data").set("object", visible(object).deepCopy());
        ObjectNode request = event.putObject("request");
        request.putNull("id");
        request.putNull("idempotency_key");
        return new StripeEvent(event.get("id").asText(), type, event.toString());
    }

    private ObjectNode object(String prefix, String kind) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", newId(prefix));
        node.put("object", kind);
        node.put("created", Instant.now().getEpochSecond());
        node.put("livemode", false);
        return node;
    }

    private String newId(String prefix) {
        return prefix + "_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + ids.incrementAndGet();
    }

    /** The object without our own bookkeeping fields ({@code x_…}). */
    private static ObjectNode visible(ObjectNode node) {
        ObjectNode copy = node.deepCopy();
        copy.remove(List.of("x_price", "x_subscription_metadata"));
        return copy;
    }

    private static ObjectNode metadata(Context ctx, String prefix) {
        ObjectNode metadata = JSON.createObjectNode();
        ctx.formParamMap().forEach((key, values) -> {
            if (key.startsWith(prefix + "[") && key.endsWith("]") && !values.isEmpty()) {
                metadata.put(key.substring(prefix.length() + 1, key.length() - 1), values.get(0));
            }
        });
        return metadata;
    }

    private static void error(Context ctx, int status, String type, String code, String message) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("type", type);
        if (code != null) {
            error.put("code", code);
        }
        error.put("message", message);
        json(ctx, status, body.toString());
    }

    /** A refused request, answered as Stripe's invalid_request_error. */
    private static final class Refusal extends RuntimeException {
        final int status;
        final String code;

        Refusal(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }
}
