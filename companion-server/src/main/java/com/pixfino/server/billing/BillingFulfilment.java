package com.pixfino.server.billing;

import com.pixfino.model.Tier;
import com.pixfino.server.db.jooq.tables.records.BillingAccountsRecord;
import com.stripe.model.Charge;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.checkout.Session;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each Stripe fact does to our books, inside the caller's transaction: the one fulfilment of a Checkout
 * session (used by the webhook and by the success page), a plan's credits per paid invoice, the tier from the
 * subscription as Stripe has it now, and refunds of packs.
 */
public record BillingFulfilment(
        BillingAccounts accounts,
        BillingGrants grants,
        BillingCatalog catalog,
        StripeSettings stripe,
        StripeGateway gateway,
        PaymentNotices payments) {

    private static final Logger log = LoggerFactory.getLogger(BillingFulfilment.class);

    /** What fulfilling a session did. */
    public enum Result {
        GRANTED,
        ALREADY_DONE,
        NOT_PAID_YET,
        SUBSCRIPTION,
        NOT_OURS
    }

    /**
     * Fulfils a Checkout session: a paid pack session grants its credits once (claimed by the session id), a
     * subscription session brings the subscription up to date; an unpaid session does nothing yet.
     */
    public Result checkoutSession(DSLContext tx, Session session) {
        Optional<UUID> user = userOf(tx, session.getCustomer(), session.getClientReferenceId());
        if (user.isEmpty()) {
            log.warn(
                    "event=stripe_object_unmatched kind=checkout_session id={} customer={}",
                    session.getId(),
                    session.getCustomer());
            return Result.NOT_OURS;
        }
        if ("subscription".equals(session.getMode())) {
            if (session.getSubscription() != null) {
                syncSubscription(tx, user.get(), session.getSubscription(), null, false);
            }
            return Result.SUBSCRIPTION;
        }
        if (!"paid".equals(session.getPaymentStatus())) {
            log.info(
                    "event=checkout_not_paid_yet user={} session={} payment_status={}",
                    user.get(),
                    session.getId(),
                    session.getPaymentStatus());
            return Result.NOT_PAID_YET;
        }
        String item = metadata(session.getMetadata(), StripeGateway.ITEM_KEY);
        Optional<CreditPack> pack = catalog.pack(item);
        if (pack.isEmpty()) {
            log.warn(
                    "event=checkout_item_unknown user={} session={} item={} action=nothing_granted",
                    user.get(),
                    session.getId(),
                    item);
            return Result.NOT_OURS;
        }
        if (grants.grantPack(tx, user.get(), session.getId(), pack.get(), session.getPaymentIntent())
                .isEmpty()) {
            return Result.ALREADY_DONE;
        }
        payments.paid(
                tx,
                user.get(),
                new PaymentNotices.Payment(
                        "Credit pack " + pack.get().id(),
                        pack.get().credits(),
                        session.getAmountTotal() != null
                                ? session.getAmountTotal()
                                : pack.get().priceCents(),
                        session.getCurrency() != null ? session.getCurrency() : "usd"));
        return Result.GRANTED;
    }

    /**
     * A paid invoice grants its plan's monthly credits once; an upgrade's proration invoice grants the difference
     * between the new and the old plan, never a negative amount. The subscription is brought up to date first.
     */
    public void invoicePaid(DSLContext tx, Invoice invoice) {
        Optional<UUID> user = userOf(tx, invoice.getCustomer(), null);
        if (user.isEmpty()) {
            log.warn(
                    "event=stripe_object_unmatched kind=invoice id={} customer={}",
                    invoice.getId(),
                    invoice.getCustomer());
            return;
        }
        // the subscription first: its row lock comes before the balance's, as in every other billing transaction
        subscriptionOf(invoice).ifPresent(id -> syncSubscription(tx, user.get(), id, null, false));
        List<PlanLine> lines = planLines(invoice);
        if ("subscription_update".equals(invoice.getBillingReason())) {
            Optional<Tier> newPlan = lines.stream()
                    .filter(l -> l.amount() > 0)
                    .max(Comparator.comparingLong(PlanLine::amount))
                    .map(PlanLine::plan);
            Optional<Tier> oldPlan = lines.stream()
                    .filter(l -> l.amount() < 0)
                    .min(Comparator.comparingLong(PlanLine::amount))
                    .map(PlanLine::plan);
            if (newPlan.isEmpty() || oldPlan.isEmpty()) {
                log.warn(
                        "event=invoice_plan_change_unclear user={} invoice={} new={} old={} action=nothing_granted",
                        user.get(),
                        invoice.getId(),
                        newPlan.orElse(null),
                        oldPlan.orElse(null));
            } else {
                int difference =
                        Math.max(0, catalog.monthlyCredits(newPlan.get()) - catalog.monthlyCredits(oldPlan.get()));
                grants.grantInvoice(
                                tx,
                                user.get(),
                                invoice.getId(),
                                BillingCatalog.planId(newPlan.get()),
                                difference,
                                "Plan change from " + BillingCatalog.name(oldPlan.get()) + " to "
                                        + BillingCatalog.name(newPlan.get()) + ": the difference in monthly credits")
                        .ifPresent(credits -> receipt(
                                tx,
                                user.get(),
                                invoice,
                                "Change to the " + BillingCatalog.name(newPlan.get()) + " plan",
                                credits));
            }
        } else {
            Optional<Tier> plan = lines.stream()
                    .filter(l -> !l.proration())
                    .max(Comparator.comparingLong(PlanLine::amount))
                    .map(PlanLine::plan);
            if (plan.isEmpty()) {
                log.warn(
                        "event=invoice_plan_unknown user={} invoice={} action=nothing_granted",
                        user.get(),
                        invoice.getId());
            } else {
                grants.grantInvoice(
                                tx,
                                user.get(),
                                invoice.getId(),
                                BillingCatalog.planId(plan.get()),
                                catalog.monthlyCredits(plan.get()),
                                BillingCatalog.name(plan.get()) + " plan monthly credits")
                        .ifPresent(credits ->
                                receipt(tx, user.get(), invoice, BillingCatalog.name(plan.get()) + " plan", credits));
            }
        }
    }

    /** The receipt of a paid invoice, told once (with its grant); an invoice that charged nothing has none. */
    private void receipt(DSLContext tx, UUID userId, Invoice invoice, String item, int credits) {
        Long paid = invoice.getAmountPaid();
        if (paid == null || paid <= 0) {
            return;
        }
        payments.paid(
                tx,
                userId,
                new PaymentNotices.Payment(
                        item, credits, paid, invoice.getCurrency() != null ? invoice.getCurrency() : "usd"));
    }

    /** A failed payment: the subscription as Stripe has it now (past_due; the tier stays until Stripe cancels). */
    public void invoiceFailed(DSLContext tx, Invoice invoice) {
        Optional<UUID> user = userOf(tx, invoice.getCustomer(), null);
        Optional<String> subscription = subscriptionOf(invoice);
        if (user.isEmpty() || subscription.isEmpty()) {
            log.warn(
                    "event=stripe_object_unmatched kind=failed_invoice id={} customer={}",
                    invoice.getId(),
                    invoice.getCustomer());
            return;
        }
        log.warn("event=invoice_payment_failed user={} invoice={}", user.get(), invoice.getId());
        syncSubscription(tx, user.get(), subscription.get(), null, false);
    }

    /** A subscription was created, changed or deleted: the tier follows what Stripe says of it now. */
    public void subscriptionChanged(DSLContext tx, Subscription subscription, boolean deleted) {
        Optional<UUID> user =
                userOf(tx, subscription.getCustomer(), metadata(subscription.getMetadata(), StripeGateway.USER_KEY));
        if (user.isEmpty()) {
            log.warn(
                    "event=stripe_object_unmatched kind=subscription id={} customer={}",
                    subscription.getId(),
                    subscription.getCustomer());
            return;
        }
        syncSubscription(tx, user.get(), subscription.getId(), subscription, deleted);
    }

    public void chargeRefunded(DSLContext tx, Charge charge) {
        if (charge.getPaymentIntent() == null || charge.getAmount() == null || charge.getAmountRefunded() == null) {
            log.warn("event=refund_untraceable charge={}", charge.getId());
            return;
        }
        grants.refund(tx, charge.getPaymentIntent(), charge.getId(), charge.getAmount(), charge.getAmountRefunded());
    }

    /**
     * Re-reads the subscription from Stripe while holding the user's billing row, so the last writer applies the
     * newest state whatever order the events came in. When Stripe no longer knows it, the event's copy is used (a
     * deleted one counts as canceled).
     */
    private void syncSubscription(
            DSLContext tx, UUID userId, String subscriptionId, Subscription fromEvent, boolean deleted) {
        Optional<BillingAccountsRecord> account = accounts.lock(tx, userId);
        if (account.isEmpty()) {
            log.warn("event=subscription_without_customer user={} subscription={}", userId, subscriptionId);
            return;
        }
        Optional<Subscription> current = gateway.subscription(subscriptionId);
        if (current.isEmpty() && fromEvent == null) {
            log.warn("event=subscription_unknown_to_stripe user={} subscription={}", userId, subscriptionId);
            return;
        }
        BillingAccounts.SubscriptionFacts facts = facts(current.orElse(fromEvent));
        if (current.isEmpty() && deleted && facts.live()) {
            facts = new BillingAccounts.SubscriptionFacts(
                    facts.id(), "canceled", facts.plan(), facts.currentPeriodEnd(), facts.cancelAtPeriodEnd());
        }
        accounts.apply(tx, account.get(), facts);
    }

    private BillingAccounts.SubscriptionFacts facts(Subscription subscription) {
        Optional<SubscriptionItem> item =
                subscription.getItems() == null || subscription.getItems().getData() == null
                        ? Optional.empty()
                        : subscription.getItems().getData().stream().findFirst();
        Optional<Tier> plan = item.map(SubscriptionItem::getPrice)
                .map(com.stripe.model.Price::getId)
                .flatMap(stripe::planOfPrice);
        OffsetDateTime periodEnd = item.map(SubscriptionItem::getCurrentPeriodEnd)
                .map(seconds -> Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.UTC))
                .orElse(null);
        return new BillingAccounts.SubscriptionFacts(
                subscription.getId(),
                subscription.getStatus() == null ? "incomplete" : subscription.getStatus(),
                plan,
                periodEnd,
                Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd()));
    }

    /** A line of an invoice whose price is one of our plans. */
    private record PlanLine(Tier plan, long amount, boolean proration) {}

    private List<PlanLine> planLines(Invoice invoice) {
        if (invoice.getLines() == null || invoice.getLines().getData() == null) {
            return List.of();
        }
        return invoice.getLines().getData().stream()
                .flatMap(line -> priceOf(line)
                        .flatMap(stripe::planOfPrice)
                        .map(plan ->
                                new PlanLine(plan, line.getAmount() == null ? 0 : line.getAmount(), proration(line)))
                        .stream())
                .toList();
    }

    private static Optional<String> priceOf(InvoiceLineItem line) {
        if (line.getPricing() == null || line.getPricing().getPriceDetails() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(line.getPricing().getPriceDetails().getPrice());
    }

    private static boolean proration(InvoiceLineItem line) {
        InvoiceLineItem.Parent parent = line.getParent();
        if (parent == null) {
            return false;
        }
        if (parent.getSubscriptionItemDetails() != null) {
            return Boolean.TRUE.equals(parent.getSubscriptionItemDetails().getProration());
        }
        return parent.getInvoiceItemDetails() != null
                && Boolean.TRUE.equals(parent.getInvoiceItemDetails().getProration());
    }

    /** At API version dahlia an invoice names its subscription at {@code parent.subscription_details.subscription}. */
    private static Optional<String> subscriptionOf(Invoice invoice) {
        if (invoice.getParent() == null || invoice.getParent().getSubscriptionDetails() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(invoice.getParent().getSubscriptionDetails().getSubscription());
    }

    /** The user by the customer we created for them, else by the user id we put in the object. */
    private Optional<UUID> userOf(DSLContext tx, String customer, String userIdText) {
        Optional<UUID> byCustomer = accounts.userOfCustomer(tx, customer);
        if (byCustomer.isPresent()) {
            return byCustomer;
        }
        if (userIdText == null) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(userIdText);
            return accounts.userExists(tx, id) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String metadata(Map<String, String> metadata, String key) {
        return metadata == null ? null : metadata.get(key);
    }
}
