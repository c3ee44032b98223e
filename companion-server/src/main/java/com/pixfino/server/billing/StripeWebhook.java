package com.pixfino.server.billing;

import static com.pixfino.server.db.jooq.Tables.STRIPE_EVENTS;

import com.pixfino.server.domain.DomainException;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.Invoice;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe's signed events. The raw body is checked with {@code Webhook.constructEvent} (5 minutes' tolerance); each
 * event's id is recorded in the transaction that applies it, so a repeat does nothing and a failure part-way leaves
 * nothing behind for Stripe's retry. Order does not matter: subscriptions are re-read from Stripe, credits are
 * claimed once per session or invoice, refunds wait for their pack.
 */
public final class StripeWebhook {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhook.class);
    public static final long TOLERANCE_SECONDS = 300;
    static final Set<String> HANDLED = Set.of(
            "checkout.session.completed",
            "checkout.session.async_payment_succeeded",
            "invoice.paid",
            "invoice.payment_failed",
            "customer.subscription.created",
            "customer.subscription.updated",
            "customer.subscription.deleted",
            "charge.refunded");

    /** What became of an event. */
    public enum Outcome {
        APPLIED,
        REPEATED,
        IGNORED
    }

    private final DSLContext dsl;
    private final String secret;
    private final BillingFulfilment fulfilment;
    private final Clock clock;

    public StripeWebhook(DSLContext dsl, String secret, BillingFulfilment fulfilment, Clock clock) {
        this.dsl = dsl;
        this.secret = secret;
        this.fulfilment = fulfilment;
        this.clock = clock;
    }

    /**
     * @throws DomainException INVALID {@code invalid_signature} for a bad, missing, garbled or stale signature and
     *                         {@code invalid_event} for a body that is not an event; nothing is changed then
     */
    public Outcome receive(String payload, String signature) {
        Event event = verified(payload, signature);
        if (!HANDLED.contains(event.getType())) {
            log.info("event=stripe_event_ignored id={} type={}", event.getId(), event.getType());
            return Outcome.IGNORED;
        }
        StripeObject object = object(event);
        if (!expectedType(event.getType()).isInstance(object)) {
            throw DomainException.invalid(
                    "invalid_event", "The event's data.object is not what a " + event.getType() + " event holds.");
        }
        if (dsl.fetchExists(STRIPE_EVENTS, STRIPE_EVENTS.EVENT_ID.eq(event.getId()))) {
            log.info("event=stripe_event_repeated id={} type={}", event.getId(), event.getType());
            return Outcome.REPEATED;
        }
        boolean applied = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            // the second of two concurrent deliveries waits here for the first to commit, then finds the id
            int recorded = tx.insertInto(STRIPE_EVENTS)
                    .set(STRIPE_EVENTS.EVENT_ID, event.getId())
                    .set(STRIPE_EVENTS.TYPE, event.getType())
                    .set(STRIPE_EVENTS.PROCESSED_AT, OffsetDateTime.now(clock))
                    .onConflictDoNothing()
                    .execute();
            if (recorded == 0) {
                return false;
            }
            apply(tx, event, object);
            return true;
        });
        if (applied) {
            log.info("event=stripe_event_applied id={} type={}", event.getId(), event.getType());
        }
        return applied ? Outcome.APPLIED : Outcome.REPEATED;
    }

    private void apply(DSLContext tx, Event event, StripeObject object) {
        switch (event.getType()) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" ->
                fulfilment.checkoutSession(tx, as(object, Session.class, event));
            case "invoice.paid" -> fulfilment.invoicePaid(tx, as(object, Invoice.class, event));
            case "invoice.payment_failed" -> fulfilment.invoiceFailed(tx, as(object, Invoice.class, event));
            case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted" ->
                fulfilment.subscriptionChanged(
                        tx,
                        as(object, Subscription.class, event),
                        event.getType().endsWith(".deleted"));
            case "charge.refunded" -> fulfilment.chargeRefunded(tx, as(object, Charge.class, event));
            default -> throw new IllegalStateException("unhandled type " + event.getType());
        }
    }

    private Event verified(String payload, String signature) {
        if (signature == null || signature.isBlank()) {
            refused("missing_signature");
            throw DomainException.invalid(
                    "invalid_signature",
                    "The Stripe-Signature header is missing: only Stripe's signed events are taken.");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, secret, TOLERANCE_SECONDS);
        } catch (SignatureVerificationException e) {
            String message = String.valueOf(e.getMessage());
            refused(
                    message.contains("tolerance")
                            ? "stale_signature"
                            : message.contains("matching the expected signature")
                                    ? "signature_mismatch"
                                    : "malformed_signature");
            throw invalidSignature();
        } catch (RuntimeException e) {
            // a garbled header (t=abc) throws NumberFormatException, a body that is not JSON a Gson exception
            refused(e instanceof NumberFormatException ? "malformed_signature" : "not_an_event");
            throw DomainException.invalid(
                    "invalid_event", "The body is not a Stripe event with a well-formed Stripe-Signature.");
        }
        if (event == null || event.getId() == null || event.getType() == null) {
            refused("not_an_event");
            throw DomainException.invalid("invalid_event", "The body is not a Stripe event (no id or type).");
        }
        return event;
    }

    /**
     * A refused delivery leaves a line: a wrong STRIPE_WEBHOOK_SECRET otherwise shows only in Stripe's dashboard.
     * Neither the header nor the body is logged.
     */
    private static void refused(String reason) {
        log.warn("event=stripe_webhook_refused reason={}", reason);
    }

    private static DomainException invalidSignature() {
        return DomainException.invalid(
                "invalid_signature",
                "The Stripe-Signature does not match this endpoint's signing secret, or is older than 5 minutes.");
    }

    /** The event's object in stripe-java's shapes; an event of another API version is read as well as it can be. */
    private static StripeObject object(Event event) {
        EventDataObjectDeserializer data = event.getDataObjectDeserializer();
        Optional<StripeObject> typed = data.getObject();
        if (typed.isPresent()) {
            return typed.get();
        }
        log.warn(
                "event=stripe_event_version_mismatch id={} api_version={} expected={}",
                event.getId(),
                event.getApiVersion(),
                com.stripe.Stripe.API_VERSION);
        try {
            return data.deserializeUnsafe();
        } catch (EventDataObjectDeserializationException | RuntimeException e) {
            throw DomainException.invalid("invalid_event", "The event's data.object could not be read.");
        }
    }

    private static Class<?> expectedType(String type) {
        if (type.startsWith("checkout.session.")) {
            return Session.class;
        }
        if (type.startsWith("invoice.")) {
            return Invoice.class;
        }
        if (type.startsWith("customer.subscription.")) {
            return Subscription.class;
        }
        return Charge.class;
    }

    private static <T> T as(StripeObject object, Class<T> type, Event event) {
        return type.cast(object);
    }
}
