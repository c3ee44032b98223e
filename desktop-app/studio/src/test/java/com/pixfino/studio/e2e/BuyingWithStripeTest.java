package com.pixfino.studio.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pixfino.model.ApiPaths;
import com.pixfino.server.testsupport.stripe.FakeStripe;
import com.pixfino.studio.testsupport.RealCompanion;
import com.pixfino.studio.testsupport.RealStudio;
import com.pixfino.studio.testsupport.StudioHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Buying from the studio against the real companion server whose billing talks to the fake Stripe: the studio's
 * "browser" receives the Checkout address, the test pays there as the buyer would, the fake Stripe posts its signed
 * events to the server's webhook, and the pushed {@code balance} event brings the credits to the screen. Saves the
 * Plans & credits screen right after a real purchase.
 */
class BuyingWithStripeTest {

    private static final String PASSWORD = "Sunset-Lake-42";
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final FakeStripe stripe = new FakeStripe();

    @RegisterExtension
    static final RealStudio real = RealStudio.serverPerClass(() -> RealCompanion.withBilling(stripe));

    private final BlockingQueue<String> browser = new LinkedBlockingQueue<>();
    private StudioHarness studio;

    @AfterAll
    static void stopStripe() {
        stripe.close();
    }

    @Test
    void buyingAPackInTheBrowserBringsTheCreditsToTheScreen(@TempDir Path home) throws Exception {
        openPlans(home, "Cleo");
        await("the packs")
                .atMost(PATIENCE)
                .until(() -> StudioHarness.call(
                        () -> !studio.<Button>find("pack-pack-50-buy").isDisabled()));
        assertThat(studio.text("plan-free-current")).isEqualTo("Current plan");
        assertThat(studio.text("plan-starter-action")).isEqualTo("Subscribe");
        assertThat(studio.text("plan-business-action")).isEqualTo("Not offered here");
        assertThat(studio.text("pack-pack-50-price")).isEqualTo("$11.99");
        // the server's default threshold is 8: a new account's 5 credits are low
        assertThat(studio.text("credit-alert-text")).startsWith("You are running low: 5 credits left.");

        studio.click("pack-pack-50-buy");
        String sessionId = checkoutOpenedInTheBrowser();
        await("the waiting notice")
                .atMost(PATIENCE)
                .until(() -> studio.text("payment-status").startsWith("Finish the payment in your browser"));

        pay(sessionId);

        await("the payment on screen")
                .atMost(PATIENCE)
                .until(() -> studio.text("payment-status").equals("Payment received: +50 credits"));
        await("the new balance in the header")
                .atMost(PATIENCE)
                .until(() -> studio.text("header-balance").equals("55 credits"));
        await("the low-credit banner to go").atMost(PATIENCE).until(() -> !studio.showing("credit-alert"));
        assertThat(studio.showing("payment-check")).isFalse();
        assertThat(studio.showing("payment-stop")).isFalse();
        studio.screenshotBothThemes("plans-paid");

        // the success page Stripe sends the buyer back to runs the same fulfilment: it grants nothing more
        assertThat(get(real.server().url() + ApiPaths.BILLING_SUCCESS_PAGE + "?session_id=" + sessionId))
                .contains("your credits are on your balance");
        studio.click("account-tab-overview");
        studio.click("account-refresh");
        await("the ledger's purchase")
                .atMost(PATIENCE)
                .until(() -> studio.text("account-balance-value").equals("55"));
        assertThat(studio.text("header-balance")).isEqualTo("55 credits");
    }

    @Test
    void subscribingMarksTheCurrentPlanAndManageBillingOpensThePortal(@TempDir Path home) throws Exception {
        openPlans(home, "Dara");
        await("the plans")
                .atMost(PATIENCE)
                .until(() -> StudioHarness.call(
                        () -> !studio.<Button>find("plan-starter-action").isDisabled()));

        studio.click("plan-starter-action");
        pay(checkoutOpenedInTheBrowser());

        await("the plan's credits on screen")
                .atMost(PATIENCE)
                .until(() -> studio.text("payment-status")
                        .equals("Payment received: +40 credits. Your Starter plan is active."));
        await("the new balance in the header")
                .atMost(PATIENCE)
                .until(() -> studio.text("header-balance").equals("45 credits"));
        await("Starter marked as the current plan")
                .atMost(PATIENCE)
                .until(() -> studio.showing("plan-starter-current"));
        assertThat(studio.text("plan-starter-current")).isEqualTo("Current plan");
        assertThat(studio.showing("plan-free-current")).isFalse();
        assertThat(studio.text("plan-pro-action")).isEqualTo("Change plan");
        assertThat(studio.text("plan-business-action")).isEqualTo("Not offered here"); // no Stripe price
        assertThat(studio.text("plans-note")).startsWith("Your Starter plan renews on ");
        await("the invoice")
                .atMost(PATIENCE)
                .until(() -> StudioHarness.call(() -> studio.<GridPane>find("invoice-list").getChildren().stream()
                        .anyMatch(Hyperlink.class::isInstance)));
        studio.screenshotBothThemes("plans-subscribed");

        // plan changes and cancelling happen in Stripe's portal
        studio.click("manage-billing");
        String portal = browser.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(portal).startsWith("https://billing.stripe.test/p/session/bps_");
        await("the portal notice")
                .atMost(PATIENCE)
                .until(() -> studio.text("portal-notice").startsWith("The billing portal is open in your browser"));
    }

    private void openPlans(Path home, String name) throws Exception {
        studio = real.open(home, browser::add);
        String email = "buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        studio.register(name, email, PASSWORD);
        studio.awaitShowing("create-screen");
        real.server().verifyEmail(email, PASSWORD); // buying needs a verified address
        assertThat(studio.text("header-balance")).isEqualTo("5 credits");
        studio.click("nav-account");
        studio.click("account-tab-plans");
    }

    /** The Checkout address the studio gave the browser; answers its session id. */
    private String checkoutOpenedInTheBrowser() throws InterruptedException {
        String url = browser.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(url).startsWith("https://checkout.stripe.test/c/pay/cs_test_");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** The buyer pays in Checkout; the fake Stripe signs and posts each of its events, which the server accepts. */
    private static void pay(String sessionId) {
        String webhook = real.server().url() + ApiPaths.BILLING_WEBHOOK;
        for (FakeStripe.StripeEvent event : stripe.completeCheckout(sessionId)) {
            assertThat(FakeStripe.deliver(webhook, event)).as(event.type()).isEqualTo(200);
        }
    }

    private static String get(String url) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
