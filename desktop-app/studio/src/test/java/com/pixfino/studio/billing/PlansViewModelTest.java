package com.pixfino.studio.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.api.billing.BalanceEvent;
import com.pixfino.model.api.billing.InvoiceView;
import com.pixfino.model.api.billing.PlanView;
import com.pixfino.studio.billing.CheckoutViewModel.Payment;
import com.pixfino.studio.billing.PlansViewModel.PlanAction;
import com.pixfino.studio.testsupport.CurrentThreadTaskExecutor;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Plans & credits" against the fake server: configured or not, a purchase from checkout to the credits landing. */
class PlansViewModelTest {

    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final List<String> opened = new ArrayList<>();
    private boolean browserBroken;
    private SessionFixture fixture;
    private PlansViewModel plans;

    @BeforeEach
    void setUp() {
        fixture = new SessionFixture(dir, tasks).signedIn();
        Browser browser = url -> {
            if (browserBroken) {
                throw new IOException("no browser is installed");
            }
            opened.add(url);
        };
        plans = new PlansViewModel(
                tasks, fixture.session, fixture.sessions, fixture.messages, browser, Duration.ofMinutes(2));
    }

    /** The event stream's part: the server pushes the balance after the fake's payment landed. */
    private void paymentLands() {
        fixture.api.completeCheckout();
        fixture.sessions.balanceChanged(new BalanceEvent(fixture.api.user.credits(), checkoutReason()));
    }

    private String checkoutReason() {
        return fixture.api
                .ledger
                .get(fixture.api.ledger.size() - 1)
                .kind()
                .name()
                .toLowerCase(java.util.Locale.ROOT);
    }

    private PlanView plan(String id) {
        return plans.plans().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void configuredItListsPlansAndPacksAndMarksTheCurrentPlan() {
        plans.refresh();

        assertThat(plans.plans()).extracting(PlanView::id).containsExactly("free", "starter", "pro", "business");
        assertThat(plans.packs()).hasSize(4);
        assertThat(plans.unavailableProperty().get()).isEmpty();
        assertThat(plans.purchasesOffProperty().get()).isFalse();
        assertThat(plans.currentPlanProperty().get()).isEqualTo("free");
        assertThat(plans.action(plan("free"))).isEqualTo(PlanAction.CURRENT);
        assertThat(plans.action(plan("starter"))).isEqualTo(PlanAction.SUBSCRIBE);
        assertThat(plans.includesProStyles(plan("free"))).isFalse();
        assertThat(plans.includesProStyles(plan("pro"))).isTrue();
        assertThat(plans.price(plan("starter").priceUsd())).isEqualTo("$9.99");
        assertThat(plans.price(plan("free").priceUsd())).isEqualTo("$0");
        assertThat(plans.perCredit(plans.packs().get(1))).isEqualTo("$0.24 per credit");
        assertThat(plans.invoicesNoticeProperty().get()).isEqualTo("No invoices yet.");
        assertThat(plans.catalogStatus().messageProperty().get()).isEmpty();
        assertThat(plans.checkout().stateProperty().get()).isEqualTo(Payment.IDLE);
    }

    @Test
    void withoutBillingConfiguredNothingCanBeBoughtAndTheScreenSaysWhy() {
        fixture.api.billingConfigured = false;

        plans.refresh();
        plans.checkout().buy("pack-50");

        assertThat(plans.plans()).isNotEmpty();
        assertThat(plans.unavailableProperty().get()).startsWith("Payments are not set up on this Pixfino server");
        assertThat(plans.purchasesOffProperty().get()).isTrue();
        assertThat(plans.checkout().stateProperty().get()).isEqualTo(Payment.FAILED);
        assertThat(plans.checkout().messageProperty().get())
                .isEqualTo(plans.unavailableProperty().get());
        assertThat(fixture.api.checkouts).isEmpty();
        assertThat(opened).isEmpty();
        assertThat(plans.invoicesNoticeProperty().get()).isEqualTo("No invoices yet.");
    }

    @Test
    void aServerThatLostItsStripeKeyAnswers503AndTheButtonsGoOff() {
        plans.refresh();
        fixture.api.billingConfigured = false; // the catalogue was read before

        plans.checkout().buy("pack-50");

        assertThat(plans.checkout().stateProperty().get()).isEqualTo(Payment.FAILED);
        assertThat(plans.unavailableProperty().get()).startsWith("Payments are not set up");
        assertThat(plans.purchasesOffProperty().get()).isTrue();
        assertThat(plans.checkout().toneProperty().get()).isEqualTo(Tone.ERROR);
    }

    @Test
    void buyingAPackOpensCheckoutWaitsAndSaysWhatArrived() {
        plans.refresh();

        plans.checkout().buy("pack-50");

        assertThat(fixture.api.checkouts).containsExactly("pack-50");
        assertThat(opened).containsExactly("https://checkout.stripe.test/c/pay/cs_test_1");
        assertThat(plans.checkout().stateProperty().get()).isEqualTo(Payment.WAITING);
        assertThat(plans.checkout().messageProperty().get()).startsWith("Finish the payment in your browser\u2026");
        assertThat(plans.checkout().busyProperty().get()).isTrue();

        paymentLands();

        assertThat(plans.checkout().stateProperty().get()).isEqualTo(Payment.RECEIVED);
        assertThat(plans.checkout().messageProperty().get()).isEqualTo("Payment received: +50 credits");
        assertThat(plans.checkout().toneProperty().get()).isEqualTo(Tone.SUCCESS);
        assertThat(plans.checkout().busyProperty().get()).isFalse();
        assertThat(fixture.session.creditsProperty().get()).isEqualTo(55);
        assertThat(plans.invoices()).extracting(InvoiceView::amountUsd).containsExactly("11.99");
        assertThat(tasks.scheduledDelays()).as("the patience timer is gone").isEmpty();
    }

    @Test
    void aChargeWhileWaitingIsNotTakenForThePayment() {
        plans.refresh();
        plans.checkout().buy("pack-20");

        fixture.sessions.balanceChanged(new BalanceEvent(1, "debit")); // a generation started meanwhile
        assertThat(plans.checkout().stateProperty().get()).isEqualTo(Payment.WAITING);
        fixture.sessions.balanceChanged(new BalanceEvent(5, "refund")); // and failed
        assertThat(plans.checkout().stateProperty().get()).isEqualTo(Payment.WAITING);

        fixture.sessions.balanceChanged(new BalanceEvent(25, "purchase"));

        assertThat(plans.checkout().messageProperty().get()).isEqualTo("Payment received: +20 credits");
    }

    @Test
    void whenNothingArrivesTheUserCanCheckAgain() {
        plans.refresh();
        plans.checkout().buy("pack-50");

        tasks.runScheduled(); // the patience ran out
        assertThat(plans.checkout().messageProperty().get()).startsWith("Nothing has arrived yet.");
        assertThat(plans.checkout().stateProperty().get()).isEqualTo(Payment.WAITING);

        plans.checkout().checkAgain();
        assertThat(plans.checkout().stateProperty().get()).isEqualTo(Payment.WAITING);
        assertThat(plans.checkout().messageProperty().get()).startsWith("Nothing has arrived yet.");

        fixture.api.completeCheckout(); // paid, but the live stream was down: no event
        plans.checkout().checkAgain();

        assertThat(plans.checkout().stateProperty().get()).isEqualTo(Payment.RECEIVED);
        assertThat(plans.checkout().messageProperty().get()).isEqualTo("Payment received: +50 credits");
        assertThat(fixture.session.creditsProperty().get()).isEqualTo(55);
    }

    @Test
    void stoppingToWaitLetsALatePaymentLandQuietly() {
        plans.refresh();
        plans.checkout().buy("pack-50");

        plans.checkout().stopWaiting();

        assertThat(plans.checkout().stateProperty().get()).isEqualTo(Payment.STOPPED);
        assertThat(plans.checkout().messageProperty().get()).startsWith("Stopped waiting.");
        assertThat(plans.checkout().busyProperty().get()).isFalse();
        assertThat(tasks.scheduledDelays()).isEmpty();

        paymentLands();
        assertThat(plans.checkout().stateProperty().get()).isEqualTo(Payment.STOPPED);
        assertThat(fixture.session.creditsProperty().get()).isEqualTo(55);
    }

    @Test
    void aPlanWithoutAStripePriceIsNotOfferedEvenAsAPlanChange() {
        // a server without STRIPE_PRICE_BUSINESS: the portal cannot switch to it either
        fixture.api.plans.set(3, new PlanView("business", "Business", "79.99", 350, false));
        plans.refresh();
        assertThat(plans.action(plan("business"))).isEqualTo(PlanAction.NOT_OFFERED);

        plans.checkout().buy("starter");
        paymentLands();

        assertThat(plans.action(plan("business"))).isEqualTo(PlanAction.NOT_OFFERED);
        assertThat(plans.action(plan("pro"))).isEqualTo(PlanAction.CHANGE);
        assertThat(plans.action(plan("free"))).isEqualTo(PlanAction.CHANGE);
    }

    @Test
    void subscribingMakesThePlanCurrentAndASecondPlanIsRefusedTowardsThePortal() {
        plans.refresh();

        plans.checkout().buy("starter");
        paymentLands();

        assertThat(plans.checkout().messageProperty().get())
                .isEqualTo("Payment received: +40 credits. Your Starter plan is active.");
        assertThat(plans.currentPlanProperty().get()).isEqualTo("starter");
        assertThat(plans.subscribedProperty().get()).isTrue();
        assertThat(plans.action(plan("starter"))).isEqualTo(PlanAction.CURRENT);
        assertThat(plans.action(plan("pro"))).isEqualTo(PlanAction.CHANGE);
        assertThat(plans.action(plan("free"))).isEqualTo(PlanAction.CHANGE); // cancelling, in the portal
        assertThat(plans.subscriptionNoteProperty().get()).startsWith("Your Starter plan renews on ");

        plans.checkout().buy("pro"); // as a studio that did not know yet would

        assertThat(plans.checkout().stateProperty().get()).isEqualTo(Payment.FAILED);
        assertThat(plans.checkout().messageProperty().get()).contains("billing portal");
        assertThat(plans.checkout().portalSuggestedProperty().get()).isTrue();

        plans.openPortal();

        assertThat(opened).last().isEqualTo("https://billing.stripe.test/p/session/test_1");
        assertThat(plans.portalStatus().messageProperty().get())
                .startsWith("The billing portal is open in your browser.");
        assertThat(plans.checkout().portalSuggestedProperty().get()).isFalse();
    }

    @Test
    void thePortalBeforeAnyPaymentSaysSo() {
        plans.refresh();

        plans.openPortal();

        assertThat(opened).isEmpty();
        assertThat(plans.portalStatus().messageProperty().get())
                .isEqualTo("There is nothing to manage yet: buy a plan or a credit pack first, then the billing portal"
                        + " shows it.");
        assertThat(plans.portalStatus().toneProperty().get()).isEqualTo(Tone.ERROR);
        assertThat(fixture.session.isSignedIn()).isTrue();
    }

    @Test
    void stripeOutForAMinuteIsAFailedCheckoutNotBillingSwitchedOff() {
        plans.refresh();
        fixture.api.stripeDown = true;

        plans.checkout().buy("pack-50");
        plans.refresh(); // the invoices answer 503 stripe_unavailable too

        assertThat(plans.checkout().stateProperty().get()).isEqualTo(Payment.FAILED);
        assertThat(plans.checkout().messageProperty().get())
                .startsWith("The checkout could not be started: Stripe could not be reached");
        assertThat(plans.unavailableProperty().get()).isEmpty();
        assertThat(plans.purchasesOffProperty().get()).isFalse();
        assertThat(plans.invoicesNoticeProperty().get()).startsWith("The invoices could not be loaded: Stripe");

        fixture.api.stripeDown = false;
        plans.checkout().buy("pack-50");
        assertThat(plans.checkout().stateProperty().get()).isEqualTo(Payment.WAITING);
    }

    @Test
    void aFailedRenewalIsAWarning() {
        plans.refresh();
        plans.checkout().buy("pro");
        paymentLands();
        assertThat(plans.subscriptionWarningProperty().get()).isEmpty();

        fixture.api.renewalFailed();
        fixture.sessions.refreshUser();

        assertThat(plans.subscriptionWarningProperty().get())
                .startsWith("The last payment for your Pro plan failed. Update your card in Manage billing");
        assertThat(plans.subscriptionNoteProperty().get()).isEmpty();
    }

    @Test
    void aBrowserThatWillNotOpenLeavesTheAddressToOpenByHand() {
        plans.refresh();
        browserBroken = true;

        plans.checkout().buy("pack-20");

        assertThat(plans.checkout().stateProperty().get()).isEqualTo(Payment.WAITING);
        assertThat(plans.checkout().manualUrlProperty().get())
                .isEqualTo("https://checkout.stripe.test/c/pay/cs_test_1");
        assertThat(plans.checkout().messageProperty().get())
                .contains("no browser is installed")
                .contains("https://checkout.stripe.test/c/pay/cs_test_1");

        paymentLands();
        assertThat(plans.checkout().manualUrlProperty().get()).isEmpty();
        assertThat(plans.checkout().messageProperty().get()).isEqualTo("Payment received: +20 credits");
    }

    @Test
    void aBrowserThatWillNotOpenThePortalIsNotTakenForAServerOffline() {
        plans.refresh();
        plans.checkout().buy("pack-20");
        paymentLands();
        browserBroken = true;

        plans.openPortal();

        assertThat(plans.portalStatus().messageProperty().get())
                .isEqualTo("Your browser could not be opened (no browser is installed). Open this address yourself:"
                        + " https://billing.stripe.test/p/session/test_1");
        assertThat(fixture.session.isOnline()).isTrue();
    }

    @Test
    void anUnreachableServerIsAReadableErrorAndTheSessionGoesOffline() {
        plans.refresh();
        fixture.api.unreachable = true;

        plans.checkout().buy("pack-20");

        assertThat(plans.checkout().stateProperty().get()).isEqualTo(Payment.FAILED);
        assertThat(plans.checkout().messageProperty().get())
                .startsWith("The checkout could not be started: Cannot reach the Pixfino server");
        assertThat(fixture.session.isOnline()).isFalse();
        assertThat(plans.purchasesOffProperty().get()).isTrue();

        plans.refresh();
        assertThat(plans.catalogStatus().messageProperty().get())
                .startsWith("Offline: plans and purchases need the server.");
    }

    @Test
    void aCatalogueThatCannotBeReadSaysWhy() {
        fixture.api.unreachable = true;

        plans.refresh();

        assertThat(plans.catalogStatus().messageProperty().get())
                .startsWith("The plans could not be loaded: Cannot reach");
        assertThat(plans.catalogStatus().toneProperty().get()).isEqualTo(Tone.ERROR);
        assertThat(plans.plans()).isEmpty();
    }

    @Test
    void signingOutForgetsThePurchaseInFlight() {
        plans.refresh();
        plans.checkout().buy("pack-50");

        fixture.sessions.signOut();

        assertThat(plans.checkout().stateProperty().get()).isEqualTo(Payment.IDLE);
        assertThat(plans.checkout().messageProperty().get()).isEmpty();
        assertThat(plans.plans()).isEmpty();
        assertThat(tasks.scheduledDelays()).isEmpty();
    }
}
