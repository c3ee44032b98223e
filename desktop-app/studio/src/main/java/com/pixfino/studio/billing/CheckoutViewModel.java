package com.pixfino.studio.billing;

import com.pixfino.model.api.billing.BalanceEvent;
import com.pixfino.model.api.billing.PlanView;
import com.pixfino.studio.core.concurrent.Cancellable;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.concurrent.TaskHandle;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One purchase at a time: Stripe Checkout for a plan or a pack opened in the browser, then waiting there for the
 * payment to land (a pushed balance change, or the user checking again), or for the user to stop waiting. UI thread
 * only; the server and the browser are reached through the TaskExecutor.
 */
public final class CheckoutViewModel {

    /** Where a purchase stands. */
    public enum Payment {
        IDLE,
        /** Asking the server for a checkout and opening the browser. */
        OPENING,
        /** The checkout is open in the browser; the studio watches for the credits. */
        WAITING,
        RECEIVED,
        /** The user stopped waiting; a payment that still lands shows in the balance by itself. */
        STOPPED,
        FAILED
    }

    // Balance changes that are not a payment landing, even when they raise the balance.
    private static final Set<String> NOT_PAYMENTS = Set.of("debit", "refund");

    private final TaskExecutor tasks;
    private final Session session;
    private final SessionViewModel sessions;
    private final Messages messages;
    private final FailureMessages failures;
    private final Browser browser;
    private final Duration patience;
    private final BillingAvailability availability;
    private final Function<String, PlanView> plans;
    private final Runnable paid;
    private final ActivityStatus payment = new ActivityStatus();
    private final ReadOnlyObjectWrapper<Payment> state = new ReadOnlyObjectWrapper<>(this, "state", Payment.IDLE);
    private final ReadOnlyStringWrapper manualUrl = new ReadOnlyStringWrapper(this, "manualUrl", "");
    private final ReadOnlyBooleanWrapper portalSuggested = new ReadOnlyBooleanWrapper(this, "portalSuggested");
    private TaskHandle checkout = TaskHandle.NONE;
    private Cancellable overdue = Cancellable.NONE;
    private String waitingFor;
    private int baseline;

    /** {@code plans} finds a plan of the catalogue by id (null for a pack); {@code paid} hears of each payment. */
    CheckoutViewModel(
            TaskExecutor tasks,
            Session session,
            SessionViewModel sessions,
            Messages messages,
            Browser browser,
            Duration patience,
            BillingAvailability availability,
            Function<String, PlanView> plans,
            Runnable paid) {
        this.tasks = tasks;
        this.session = session;
        this.sessions = sessions;
        this.messages = messages;
        this.failures = new FailureMessages(messages);
        this.browser = browser;
        this.patience = patience;
        this.availability = availability;
        this.plans = plans;
        this.paid = paid;
        session.balanceChangeProperty().addListener((obs, was, now) -> {
            if (now != null) {
                balanceChanged(now);
            }
        });
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            if (!signedIn) {
                reset();
            }
        });
    }

    /** Opens Stripe Checkout for a plan or a pack in the browser, then waits for the payment to land. */
    public void buy(String item) {
        if (!session.isSignedIn() || state.get() == Payment.OPENING) {
            return;
        }
        if (!session.isOnline()) {
            payment.failed(messages.get("plans.offlineBuy"));
            state.set(Payment.FAILED);
            return;
        }
        if (!availability.isAvailable()) {
            payment.failed(availability.reason());
            state.set(Payment.FAILED);
            return;
        }
        overdue.cancel();
        portalSuggested.set(false);
        manualUrl.set("");
        baseline = session.creditsProperty().get();
        waitingFor = item;
        state.set(Payment.OPENING);
        payment.working(messages.get("plans.opening"));
        CompanionApi api = session.api();
        checkout = tasks.run(
                () -> {
                    String url = api.checkout(item).url();
                    try {
                        WebAddress.open(browser, url);
                        return new Opened(url, null);
                    } catch (WebAddress.BrowserFailure e) {
                        return new Opened(e.url(), e); // the checkout exists: the user can still open it by hand
                    }
                },
                this::waitForPayment,
                this::checkoutFailed);
    }

    private record Opened(String url, Exception browserError) {}

    private void waitForPayment(Opened opened) {
        state.set(Payment.WAITING);
        if (opened.browserError() == null) {
            payment.working(messages.get("plans.waiting"));
        } else {
            manualUrl.set(opened.url());
            payment.working(messages.get(
                    "plans.waitingManual", String.valueOf(opened.browserError().getMessage()), opened.url()));
        }
        overdue = tasks.schedule(patience, () -> {
            if (state.get() == Payment.WAITING) {
                payment.say(Tone.INFO, messages.get("plans.overdue"));
            }
        });
    }

    private void checkoutFailed(Exception error) {
        state.set(Payment.FAILED);
        waitingFor = null;
        if (BillingAvailability.isUnavailable(error)) {
            availability.set(false);
            payment.failed(availability.reason());
        } else if (error instanceof CompanionApiException refused && refused.statusCode() == 409) {
            // a plan for someone who has one: the server's sentence points to the portal, and so does the screen
            portalSuggested.set(true);
            payment.failed(refused.getMessage());
        } else {
            sessions.callFailed(error);
            payment.failed(messages.get("plans.checkoutFailed", failures.describe(error)));
        }
    }

    private void balanceChanged(BalanceEvent event) {
        if (state.get() != Payment.WAITING && state.get() != Payment.OPENING) {
            return;
        }
        if (event.credits() > baseline && !NOT_PAYMENTS.contains(event.reason())) {
            received(event.credits() - baseline);
        } else {
            baseline = event.credits(); // a charge or refund meanwhile: the payment is counted from here
        }
    }

    private void received(int credits) {
        checkout.cancel();
        overdue.cancel();
        String item = waitingFor;
        waitingFor = null;
        manualUrl.set("");
        state.set(Payment.RECEIVED);
        PlanView plan = plans.apply(item);
        if (plan == null) {
            payment.done(messages.get("plans.received", credits));
        } else if (credits > 0) {
            payment.done(messages.get("plans.receivedPlan", credits, plan.name()));
        } else {
            payment.done(messages.get("plans.planActive", plan.name()));
        }
        paid.run();
    }

    /** While waiting: asks the server whether the payment arrived (the live stream may be down). */
    public void checkAgain() {
        if (state.get() != Payment.WAITING) {
            return;
        }
        if (!session.isOnline()) {
            payment.say(Tone.ERROR, messages.get("plans.offlineBuy"));
            return;
        }
        payment.working(messages.get("plans.checking"));
        sessions.refreshUser(
                user -> {
                    if (state.get() != Payment.WAITING) {
                        return; // a pushed change got there first
                    }
                    PlanView plan = plans.apply(waitingFor);
                    if (user.credits() > baseline) {
                        received(user.credits() - baseline);
                    } else if (plan != null
                            && plan.id().equals(Subscriptions.currentPlan(user))
                            && Subscriptions.isLive(user.subscription())) {
                        received(0);
                    } else {
                        payment.say(Tone.INFO, messages.get("plans.overdue"));
                    }
                },
                error -> {
                    if (state.get() == Payment.WAITING) {
                        payment.say(Tone.ERROR, messages.get("plans.checkFailed", failures.describe(error)));
                    }
                });
    }

    /** While waiting: stops watching; a payment that still lands shows in the balance by itself. */
    public void stopWaiting() {
        if (state.get() != Payment.WAITING && state.get() != Payment.OPENING) {
            return;
        }
        checkout.cancel();
        overdue.cancel();
        waitingFor = null;
        manualUrl.set("");
        state.set(Payment.STOPPED);
        payment.clear();
        payment.say(Tone.INFO, messages.get("plans.stopped"));
    }

    /** The portal opened: the suggestion to go there is done. */
    void portalOpened() {
        portalSuggested.set(false);
    }

    private void reset() {
        checkout.cancel();
        overdue.cancel();
        waitingFor = null;
        payment.clear();
        state.set(Payment.IDLE);
        manualUrl.set("");
        portalSuggested.set(false);
    }

    public ReadOnlyObjectProperty<Payment> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The purchase line: opening, waiting in the browser, received, stopped, refused. */
    public ReadOnlyStringProperty messageProperty() {
        return payment.messageProperty();
    }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return payment.toneProperty();
    }

    /** True while a checkout is being opened or its payment awaited. */
    public ReadOnlyBooleanProperty busyProperty() {
        return payment.busyProperty();
    }

    /** The checkout address when the browser could not be opened, for the user to open by hand; else empty. */
    public ReadOnlyStringProperty manualUrlProperty() {
        return manualUrl.getReadOnlyProperty();
    }

    /** After a plan checkout was refused because a plan is running: "Manage billing" is the way. */
    public ReadOnlyBooleanProperty portalSuggestedProperty() {
        return portalSuggested.getReadOnlyProperty();
    }
}
