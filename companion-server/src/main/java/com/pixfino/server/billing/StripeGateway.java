package com.pixfino.server.billing;

import com.pixfino.server.domain.DomainException;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls we make to Stripe, through stripe-java at the API version it pins ({@code Stripe.API_VERSION}) and at
 * the configured API base. Every POST carries an {@code Idempotency-Key}, so stripe-java's retries and ours never
 * create a second object. A refusal or an unreachable Stripe is a 503 {@code stripe_unavailable}.
 */
public final class StripeGateway {

    private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);
    /** The metadata keys that tie Stripe's objects to ours. */
    public static final String USER_KEY = "pixfino_user";

    public static final String ITEM_KEY = "pixfino_item";

    private final StripeClient client;

    public StripeGateway(StripeSettings settings) {
        this.client = StripeClient.builder()
                .setApiKey(settings.secretKey())
                .setApiBase(settings.apiBase().toString())
                .setMaxNetworkRetries(2)
                .setConnectTimeout(10_000)
                .setReadTimeout(30_000)
                .build();
    }

    /** Creates the user's customer; the key derived from the user makes a repeated first checkout find the same one. */
    public String createCustomer(UUID userId, String email) {
        CustomerCreateParams params = CustomerCreateParams.builder()
                .setEmail(email)
                .putMetadata(USER_KEY, userId.toString())
                .build();
        Customer customer =
                call("create_customer", () -> client.customers().create(params, idempotent("customer-" + userId)));
        log.info("event=stripe_customer_created user={} customer={}", userId, customer.getId());
        return customer.getId();
    }

    public Session createCheckout(SessionCreateParams params) {
        return call(
                "create_checkout",
                () -> client.checkout()
                        .sessions()
                        .create(params, idempotent(UUID.randomUUID().toString())));
    }

    /** The session as Stripe has it now; empty when Stripe knows no such session. */
    public Optional<Session> checkoutSession(String sessionId) {
        return maybe("retrieve_checkout", () -> client.checkout().sessions().retrieve(sessionId));
    }

    public String createPortal(String customerId, String returnUrl) {
        com.stripe.param.billingportal.SessionCreateParams params =
                com.stripe.param.billingportal.SessionCreateParams.builder()
                        .setCustomer(customerId)
                        .setReturnUrl(returnUrl)
                        .build();
        return call(
                        "create_portal",
                        () -> client.billingPortal()
                                .sessions()
                                .create(params, idempotent(UUID.randomUUID().toString())))
                .getUrl();
    }

    public List<Invoice> invoices(String customerId, int limit) {
        InvoiceListParams params = InvoiceListParams.builder()
                .setCustomer(customerId)
                .setLimit((long) limit)
                .build();
        return call("list_invoices", () -> client.invoices().list(params)).getData();
    }

    /** The subscription as Stripe has it now; empty when Stripe knows no such subscription. */
    public Optional<Subscription> subscription(String subscriptionId) {
        return maybe("retrieve_subscription", () -> client.subscriptions().retrieve(subscriptionId));
    }

    /** Cancels a subscription now; one Stripe no longer knows counts as cancelled. */
    public void cancelSubscription(String subscriptionId) {
        maybe(
                "cancel_subscription",
                () -> client.subscriptions().cancel(subscriptionId, idempotent("cancel-" + subscriptionId)));
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey("pixfino-" + key).build();
    }

    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private static <T> Optional<T> maybe(String operation, StripeCall<T> call) {
        try {
            return Optional.of(call.run());
        } catch (InvalidRequestException e) {
            if (Integer.valueOf(404).equals(e.getStatusCode())) {
                return Optional.empty();
            }
            throw unavailable(operation, e);
        } catch (StripeException e) {
            throw unavailable(operation, e);
        }
    }

    private static <T> T call(String operation, StripeCall<T> call) {
        try {
            return call.run();
        } catch (StripeException e) {
            throw unavailable(operation, e);
        }
    }

    private static DomainException unavailable(String operation, StripeException e) {
        log.warn(
                "event=stripe_call_failed operation={} status={} code={} request={} message={}",
                operation,
                e.getStatusCode(),
                e.getCode(),
                e.getRequestId(),
                e.getMessage());
        return new DomainException(
                DomainException.Kind.UNAVAILABLE,
                "stripe_unavailable",
                "Stripe could not be reached or refused the request, so nothing was charged. Please try again in a"
                        + " minute.",
                e);
    }
}
