package com.pixfino.studio.core.net;

import static com.pixfino.studio.core.testsupport.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.GenerationEvent;
import com.pixfino.model.api.billing.BalanceEvent;
import com.pixfino.model.api.billing.CatalogView;
import com.pixfino.model.api.billing.CheckoutView;
import com.pixfino.model.api.billing.InvoiceList;
import com.pixfino.model.api.billing.InvoiceView;
import com.pixfino.model.api.billing.PackView;
import com.pixfino.model.api.billing.PlanView;
import com.pixfino.studio.core.testsupport.CannedServerTest;
import com.pixfino.studio.core.testsupport.HealthResponses;
import com.pixfino.studio.core.testsupport.HeardEvents;
import java.time.Instant;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The billing calls and the balance events, against canned answers in the shapes issue 10 pins. */
class BillingClientTest extends CannedServerTest {

    @Test
    void theCatalogueKeepsPricesAsDecimalText() throws Exception {
        server.enqueue(
                HealthResponses.json(
                        200,
                        "{\"plans\":[{\"id\":\"free\",\"name\":\"Free\",\"priceUsd\":\"0.00\",\"monthlyCredits\":5,"
                                + "\"purchasable\":false},{\"id\":\"starter\",\"name\":\"Starter\",\"priceUsd\":\"9.99\","
                                + "\"monthlyCredits\":40,\"purchasable\":true}],"
                                + "\"packs\":[{\"id\":\"pack-50\",\"credits\":50,\"priceUsd\":\"11.99\",\"purchasable\":true}]}"));

        CatalogView catalog = api().billingCatalog();

        assertThat(catalog.plans())
                .containsExactly(
                        new PlanView("free", "Free", "0.00", 5, false),
                        new PlanView("starter", "Starter", "9.99", 40, true));
        assertThat(catalog.packs()).containsExactly(new PackView("pack-50", 50, "11.99", true));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/billing/catalog");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
    }

    @Test
    void checkoutPostsTheItemAndAnswersTheSessionToOpen() throws Exception {
        server.enqueue(HealthResponses.json(
                201, "{\"sessionId\":\"cs_test_1\",\"url\":\"https://checkout.stripe.com/c/pay/cs_test_1\"}"));

        CheckoutView checkout = api().checkout("pack-50");

        assertThat(checkout).isEqualTo(new CheckoutView("cs_test_1", "https://checkout.stripe.com/c/pay/cs_test_1"));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/billing/checkout");
        assertThat(request.getBody().utf8()).isEqualTo("{\"item\":\"pack-50\"}");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    }

    @Test
    void refusalsKeepTheServersCodeAndSentence() {
        server.enqueue(HealthResponses.json(
                409,
                "{\"error\":{\"code\":\"conflict\",\"message\":\"You already have the Pro plan: change it in the"
                        + " billing portal.\"}}"));
        server.enqueue(HealthResponses.json(
                503,
                "{\"error\":{\"code\":\"billing_unavailable\",\"message\":\"Billing is not configured on this"
                        + " server.\"}}"));

        assertThatThrownBy(() -> api().checkout("starter")).isInstanceOfSatisfying(CompanionApiException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(409);
            assertThat(e.getMessage()).contains("billing portal");
        });
        assertRefused(() -> api().billingPortal(), 503, "billing_unavailable");
    }

    @Test
    void thePortalIsAPostAndInvoicesAreRead() throws Exception {
        server.enqueue(HealthResponses.json(201, "{\"url\":\"https://billing.stripe.com/p/session/x\"}"));
        server.enqueue(HealthResponses.json(
                200,
                "{\"items\":[{\"id\":\"in_1\",\"createdAt\":\"2026-11-20T10:00:00Z\",\"amountUsd\":\"11.99\","
                        + "\"status\":\"paid\",\"hostedInvoiceUrl\":\"https://invoice.stripe.com/i/in_1\"}]}"));

        assertThat(api().billingPortal().url()).isEqualTo("https://billing.stripe.com/p/session/x");
        InvoiceList invoices = api().invoices();

        assertThat(invoices.items())
                .containsExactly(new InvoiceView(
                        "in_1",
                        Instant.parse("2026-11-20T10:00:00Z"),
                        "11.99",
                        "paid",
                        "https://invoice.stripe.com/i/in_1"));
        RecordedRequest portal = server.takeRequest();
        assertThat(portal.getMethod()).isEqualTo("POST");
        assertThat(portal.getUrl().encodedPath()).isEqualTo("/api/v1/billing/portal");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/billing/invoices");
    }

    @Test
    void theEventStreamDeliversBalanceEventsBesideGenerationsAndSkipsUnknownOnes() throws Exception {
        UUID id = UUID.randomUUID();
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "text/event-stream")
                .body(": connected\n\n"
                        + "event: balance\ndata: {\"credits\":55,\"reason\":\"purchase\"}\n\n"
                        + "event: something-new\ndata: {\"x\":1}\n\n"
                        + "event: generation\ndata: {\"generationId\":\"" + id
                        + "\",\"status\":\"COMPLETED\",\"refunded\":false}\n\n")
                .build());
        HeardEvents heard = new HeardEvents();

        try (var stream = api().events(heard)) {
            assertThat(heard.next()).isEqualTo(HeardEvents.OPENED);
            assertThat(heard.next()).isEqualTo(new BalanceEvent(55, "purchase"));
            assertThat(heard.next()).isEqualTo(new GenerationEvent(id, GenerationStatus.COMPLETED, false));
            assertThat(heard.next())
                    .as("the canned body ends: the stream is over")
                    .isInstanceOf(Exception.class);
        }
    }
}
