package com.pixfino.server.billing;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.ErrorBody;
import com.pixfino.model.api.billing.CatalogView;
import com.pixfino.model.api.billing.CheckoutRequest;
import com.pixfino.model.api.billing.CheckoutView;
import com.pixfino.model.api.billing.InvoiceList;
import com.pixfino.model.api.billing.PortalView;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.http.Authenticated;
import com.pixfino.server.http.JsonBody;
import com.pixfino.server.http.RequestBase;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.util.Map;

/** HTTP face of {@link BillingService}: the API, Stripe's webhook and the two small pages Checkout returns to. */
public final class BillingRoutes {

    private final BillingService billing;
    private final JsonBody json;

    public BillingRoutes(BillingService billing, JsonBody json) {
        this.billing = billing;
        this.json = json;
    }

    @OpenApi(
            path = ApiPaths.BILLING_CATALOG,
            methods = HttpMethod.GET,
            tags = "Billing",
            summary = "Plans and credit packs, and whether each can be bought here",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = CatalogView.class)))
    public void catalog(Context ctx) {
        ctx.json(billing.catalog());
    }

    @OpenApi(
            path = ApiPaths.BILLING_CHECKOUT,
            methods = HttpMethod.POST,
            tags = "Billing",
            summary = "A Stripe Checkout session for a plan or a pack; open its url in the browser",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = CheckoutRequest.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = CheckoutView.class)),
                @OpenApiResponse(
                        status = "400",
                        description = "Unknown item",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "403",
                        description = "email_unverified: buying needs a verified email address",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "409",
                        description = "A plan while a subscription is live: change plans in the portal",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "503",
                        description = "billing_unavailable (no Stripe key) or stripe_unavailable",
                        content = @OpenApiContent(from = ErrorBody.class))
            })
    public void checkout(Context ctx) {
        CheckoutRequest request = json.read(ctx, CheckoutRequest.class);
        ctx.status(201).json(billing.checkout(Authenticated.of(ctx).userId(), request, RequestBase.of(ctx)));
    }

    @OpenApi(
            path = ApiPaths.BILLING_PORTAL,
            methods = HttpMethod.POST,
            tags = "Billing",
            summary = "A Stripe billing portal session; open its url in the browser",
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = PortalView.class)),
                @OpenApiResponse(
                        status = "409",
                        description = "No Stripe customer yet",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = ErrorBody.class))
            })
    public void portal(Context ctx) {
        ctx.status(201).json(billing.portal(Authenticated.of(ctx).userId(), RequestBase.of(ctx)));
    }

    @OpenApi(
            path = ApiPaths.BILLING_INVOICES,
            methods = HttpMethod.GET,
            tags = "Billing",
            summary = "The user's invoices from Stripe, newest first",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = InvoiceList.class)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = ErrorBody.class))
            })
    public void invoices(Context ctx) {
        ctx.json(billing.invoices(Authenticated.of(ctx).userId()));
    }

    @OpenApi(
            path = ApiPaths.BILLING_WEBHOOK,
            methods = HttpMethod.POST,
            tags = "Billing",
            summary = "Stripe's signed events (Stripe-Signature); each applied once",
            headers = @OpenApiParam(name = "Stripe-Signature", required = true),
            responses = {
                @OpenApiResponse(status = "200"),
                @OpenApiResponse(
                        status = "400",
                        description = "Bad, missing or stale signature, or not an event; nothing changed",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(
                        status = "500",
                        description = "Failed part-way; nothing was kept, Stripe retries",
                        content = @OpenApiContent(from = ErrorBody.class)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = ErrorBody.class))
            })
    public void webhook(Context ctx) {
        StripeWebhook.Outcome outcome;
        try {
            // the signature covers the raw bytes, which Stripe sends as UTF-8 whatever the header says
            outcome = billing.webhook(
                    new String(JsonBody.rawBody(ctx), java.nio.charset.StandardCharsets.UTF_8),
                    ctx.header("Stripe-Signature"));
        } catch (DomainException e) {
            if ("stripe_unavailable".equals(e.code())) {
                // Stripe could not be asked part-way: answer 500 so Stripe's retry applies the event later
                throw new IllegalStateException("a Stripe call failed while applying an event", e);
            }
            throw e;
        }
        ctx.json(Map.of("received", true, "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)));
    }

    /** {@code GET /billing/success?session_id=}: fulfils the session (once, whoever comes first) and says so. */
    public void success(Context ctx) {
        String message;
        int status = 200;
        try {
            message = switch (billing.fulfilReturn(ctx.queryParam("session_id"))) {
                case GRANTED, ALREADY_DONE -> "Thank you: your credits are on your balance.";
                case SUBSCRIPTION -> "Thank you: your subscription is set up, and its credits arrive in a moment.";
                case NOT_PAID_YET -> "Your payment is still being processed; the credits arrive as soon as it clears.";
                case NOT_OURS -> "This page could not find that payment. If you paid, the credits arrive shortly.";
            };
        } catch (DomainException e) {
            if ("billing_unavailable".equals(e.code())) {
                status = 503;
                message = "Billing is not configured on this server.";
            } else {
                message = "The payment could not be confirmed just now. If you paid, the credits arrive shortly.";
            }
        }
        page(ctx, status, "Payment", message);
    }

    /** {@code GET /billing/cancel}: Checkout was left without paying (and the portal returns here). */
    public void cancel(Context ctx) {
        page(ctx, 200, "Back to Pixfino", "Nothing more happens in this tab.");
    }

    private static void page(Context ctx, int status, String title, String message) {
        ctx.status(status)
                .header("Cache-Control", "no-store")
                .contentType("text/html; charset=utf-8")
                .result("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pixfino · " + title
                        + "</title></head>\n<body>\n<h1>"
                        + title + "</h1>\n<p>" + message + "</p>\n"
                        + "<p>You can close this tab and return to Pixfino Studio.</p>\n</body></html>\n");
    }
}
