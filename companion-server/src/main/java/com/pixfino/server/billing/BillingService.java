package com.pixfino.server.billing;

import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.billing.CatalogView;
import com.pixfino.model.api.billing.CheckoutRequest;
import com.pixfino.model.api.billing.CheckoutView;
import com.pixfino.model.api.billing.InvoiceList;
import com.pixfino.model.api.billing.InvoiceView;
import com.pixfino.model.api.billing.PortalView;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.VerifiedEmail;
import com.stripe.model.Invoice;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buying: the catalogue, Checkout sessions for plans and packs, the billing portal, the invoice list, the success
 * page's fulfilment and Stripe's events. Without a Stripe key everything but the catalogue is a 503
 * {@code billing_unavailable}.
 */
public final class BillingService {

    private static final Logger log = LoggerFactory.getLogger(BillingService.class);
    private static final Pattern SESSION_ID = Pattern.compile("cs_[A-Za-z0-9_]{1,250}");
    private static final int INVOICES = 24;

    private final DSLContext dsl;
    private final BillingSettings settings;
    private final BillingCatalog catalog;
    private final BillingAccounts accounts;
    private final Optional<Stripe> stripe;

    /** The parts that exist only with a Stripe key. */
    private record Stripe(StripeGateway gateway, BillingFulfilment fulfilment, StripeWebhook webhook) {}

    public BillingService(
            DSLContext dsl,
            BillingSettings settings,
            BillingCatalog catalog,
            BillingAccounts accounts,
            BillingGrants grants,
            PaymentNotices payments,
            java.time.Clock clock) {
        this.dsl = dsl;
        this.settings = settings;
        this.catalog = catalog;
        this.accounts = accounts;
        this.stripe = settings.stripe().map(s -> {
            StripeGateway gateway = new StripeGateway(s);
            BillingFulfilment fulfilment = new BillingFulfilment(accounts, grants, catalog, s, gateway, payments);
            return new Stripe(gateway, fulfilment, new StripeWebhook(dsl, s.webhookSecret(), fulfilment, clock));
        });
    }

    public CatalogView catalog() {
        return catalog.view();
    }

    /**
     * A Checkout session for a plan ({@code mode=subscription}) or a pack ({@code mode=payment}, inline price), for
     * the user's own Stripe customer, created first if needed.
     *
     * @param requestBase where the request came to, for the return pages when no public URL is configured
     */
    public CheckoutView checkout(UUID userId, CheckoutRequest request, URI requestBase) {
        Stripe on = enabled();
        VerifiedEmail.require(dsl, userId, "Buying credits or a plan");
        BillingCatalog.Item item = catalog.item(request.item());
        if (item instanceof BillingCatalog.Plan && accounts.hasLiveSubscription(userId)) {
            throw DomainException.conflict(
                    "subscription_exists",
                    "You already have a subscription: change or cancel your plan in the billing portal (Manage"
                            + " billing).");
        }
        String customer = customer(on, userId);
        String base = returnBase(requestBase);
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setCustomer(customer)
                .setClientReferenceId(userId.toString())
                .putMetadata(StripeGateway.ITEM_KEY, item.id())
                .putMetadata(StripeGateway.USER_KEY, userId.toString())
                .setSuccessUrl(base + ApiPaths.BILLING_SUCCESS_PAGE + "?session_id={CHECKOUT_SESSION_ID}")
                .setCancelUrl(base + ApiPaths.BILLING_CANCEL_PAGE);
        if (item instanceof BillingCatalog.Plan plan) {
            params.setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                    .addLineItem(SessionCreateParams.LineItem.builder()
                            .setPrice(plan.priceId())
                            .setQuantity(1L)
                            .build())
                    .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                            .putMetadata(StripeGateway.USER_KEY, userId.toString())
                            .putMetadata(StripeGateway.ITEM_KEY, plan.id())
                            .build());
        } else if (item instanceof BillingCatalog.Pack pack) {
            params.setMode(SessionCreateParams.Mode.PAYMENT)
                    .addLineItem(SessionCreateParams.LineItem.builder()
                            .setQuantity(1L)
                            .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                    .setCurrency("usd")
                                    .setUnitAmount(pack.pack().priceCents())
                                    .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                            .setName("Pixfino credits: "
                                                    + pack.pack().credits())
                                            .setDescription(pack.pack().credits()
                                                    + " credits for Pixfino Studio; they never expire.")
                                            .build())
                                    .build())
                            .build())
                    .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                            .putMetadata(StripeGateway.USER_KEY, userId.toString())
                            .putMetadata(StripeGateway.ITEM_KEY, pack.id())
                            .build());
        }
        Session session = on.gateway().createCheckout(params.build());
        log.info("event=checkout_created user={} item={} session={}", userId, item.id(), session.getId());
        return new CheckoutView(session.getId(), session.getUrl());
    }

    /** A billing portal session of the user's customer (plan changes, cancelling, cards, invoices). */
    public PortalView portal(UUID userId, URI requestBase) {
        Stripe on = enabled();
        String customer = accounts.customerOf(userId)
                .orElseThrow(() -> DomainException.conflict(
                        "no_billing_account",
                        "There is nothing to manage yet: buy a plan or a credit pack first, then the billing portal"
                                + " shows it."));
        return new PortalView(
                on.gateway().createPortal(customer, returnBase(requestBase) + ApiPaths.BILLING_CANCEL_PAGE));
    }

    /** The user's invoices as Stripe has them, newest first; none for a user who never went to Checkout. */
    public InvoiceList invoices(UUID userId) {
        Stripe on = enabled();
        Optional<String> customer = accounts.customerOf(userId);
        if (customer.isEmpty()) {
            return new InvoiceList(java.util.List.of());
        }
        return new InvoiceList(on.gateway().invoices(customer.get(), INVOICES).stream()
                .map(BillingService::invoice)
                .toList());
    }

    /** The event Stripe posted: verified, then applied once. */
    public StripeWebhook.Outcome webhook(String payload, String signature) {
        return enabled().webhook().receive(payload, signature);
    }

    /**
     * Runs the fulfilment for the session Checkout returned with; the webhook would do it too, whichever comes
     * first grants. Never throws for a session that is not ours or not paid: the page says what it can.
     */
    public BillingFulfilment.Result fulfilReturn(String sessionId) {
        Stripe on = enabled();
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
            return BillingFulfilment.Result.NOT_OURS;
        }
        Optional<Session> session = on.gateway().checkoutSession(sessionId);
        if (session.isEmpty()) {
            return BillingFulfilment.Result.NOT_OURS;
        }
        return dsl.transactionResult(cfg -> on.fulfilment().checkoutSession(DSL.using(cfg), session.get()));
    }

    /**
     * Before an account is deleted: its live subscription is cancelled at Stripe, so nobody is charged for an account
     * that no longer exists. Without billing configured there is nothing to cancel.
     *
     * @throws DomainException UNAVAILABLE {@code stripe_unavailable} when Stripe cannot be told (nothing is deleted)
     */
    public void cancelBeforeDeletion(UUID userId) {
        Optional<String> live = accounts.liveSubscriptionId(userId);
        if (live.isEmpty()) {
            return;
        }
        if (stripe.isEmpty()) {
            log.warn(
                    "event=subscription_left_at_stripe user={} subscription={} reason=billing_not_configured",
                    userId,
                    live.get());
            return;
        }
        stripe.get().gateway().cancelSubscription(live.get());
        log.info("event=subscription_cancelled_for_deletion user={} subscription={}", userId, live.get());
    }

    private String customer(Stripe on, UUID userId) {
        return accounts.ensureCustomer(userId, () -> {
            String email = dsl.select(USERS.EMAIL)
                    .from(USERS)
                    .where(USERS.ID.eq(userId))
                    .fetchOptional(USERS.EMAIL)
                    .orElseThrow(() -> DomainException.notFound("The user"));
            return on.gateway().createCustomer(userId, email);
        });
    }

    private String returnBase(URI requestBase) {
        return settings.publicUrl().orElse(requestBase).toString().replaceAll("/+$", "");
    }

    private Stripe enabled() {
        return stripe.orElseThrow(() -> DomainException.unavailable(
                "billing_unavailable",
                "Billing is not configured on this server (no STRIPE_SECRET_KEY), so nothing can be bought here; an"
                        + " administrator can still grant credits.",
                null));
    }

    private static InvoiceView invoice(Invoice invoice) {
        long cents = invoice.getTotal() != null
                ? invoice.getTotal()
                : invoice.getAmountPaid() == null ? 0 : invoice.getAmountPaid();
        return new InvoiceView(
                invoice.getId(),
                invoice.getCreated() == null ? null : Instant.ofEpochSecond(invoice.getCreated()),
                BigDecimal.valueOf(cents, 2).toPlainString(),
                invoice.getStatus(),
                invoice.getHostedInvoiceUrl());
    }
}
