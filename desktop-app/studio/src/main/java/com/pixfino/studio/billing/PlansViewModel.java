package com.pixfino.studio.billing;

import com.pixfino.model.api.UserView;
import com.pixfino.model.api.billing.BalanceEvent;
import com.pixfino.model.api.billing.CatalogView;
import com.pixfino.model.api.billing.InvoiceView;
import com.pixfino.model.api.billing.PackView;
import com.pixfino.model.api.billing.PlanView;
import com.pixfino.model.api.billing.SubscriptionView;
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
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Plans & credits": the catalogue with the current plan; buying a pack or a plan through Stripe Checkout in the
 * browser and waiting there for the payment to land (a pushed balance change, or the user checking again); the
 * billing portal and the invoices. UI thread only: the server and the browser are reached through the TaskExecutor.
 */
public final class PlansViewModel {

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

    /** What a plan's card offers. */
    public enum PlanAction {
        CURRENT,
        SUBSCRIBE,
        /** Plan changes and cancelling happen in the billing portal once there is a subscription. */
        CHANGE,
        NOT_OFFERED
    }

    static final String BILLING_UNAVAILABLE = "billing_unavailable";
    /** How long the studio waits for a payment before it suggests checking again. */
    public static final Duration PATIENCE = Duration.ofMinutes(2);

    // Balance changes that are not a payment landing, even when they raise the balance.
    private static final Set<String> NOT_PAYMENTS = Set.of("debit", "refund");
    private static final Set<String> ENDED_SUBSCRIPTIONS = Set.of("canceled", "incomplete_expired", "unpaid");

    private final TaskExecutor tasks;
    private final Session session;
    private final SessionViewModel sessions;
    private final Messages messages;
    private final FailureMessages failures;
    private final Browser browser;
    private final Duration patience;

    private final ObservableList<PlanView> plans = FXCollections.observableArrayList();
    private final ObservableList<PackView> packs = FXCollections.observableArrayList();
    private final ObservableList<InvoiceView> invoices = FXCollections.observableArrayList();
    private final ActivityStatus catalog = new ActivityStatus();
    private final ActivityStatus payment = new ActivityStatus();
    private final ActivityStatus portal = new ActivityStatus();
    private final ReadOnlyObjectWrapper<Payment> state = new ReadOnlyObjectWrapper<>(this, "state", Payment.IDLE);
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper(this, "unavailable", "");
    private final ReadOnlyStringWrapper invoicesNotice = new ReadOnlyStringWrapper(this, "invoicesNotice", "");
    private final ReadOnlyStringWrapper manualUrl = new ReadOnlyStringWrapper(this, "manualUrl", "");
    private final ReadOnlyBooleanWrapper portalSuggested = new ReadOnlyBooleanWrapper(this, "portalSuggested");
    private final StringBinding currentPlan;
    private final BooleanBinding subscribed;
    private final BooleanBinding purchasesOff;
    private final StringBinding subscriptionWarning;
    private final StringBinding subscriptionNote;

    private TaskHandle catalogLoad = TaskHandle.NONE;
    private TaskHandle invoiceLoad = TaskHandle.NONE;
    private TaskHandle checkout = TaskHandle.NONE;
    private Cancellable overdue = Cancellable.NONE;
    private String waitingFor;
    private int baseline;

    /** {@code patience}: how long to wait for a payment before saying nothing has arrived ({@link #PATIENCE}). */
    public PlansViewModel(
            TaskExecutor tasks,
            Session session,
            SessionViewModel sessions,
            Messages messages,
            Browser browser,
            Duration patience) {
        this.tasks = tasks;
        this.session = session;
        this.sessions = sessions;
        this.messages = messages;
        this.failures = new FailureMessages(messages);
        this.browser = browser;
        this.patience = patience;
        currentPlan = Bindings.createStringBinding(
                () -> currentPlanOf(session.userProperty().get()), session.userProperty());
        subscribed = Bindings.createBooleanBinding(
                () -> isLive(subscription(session.userProperty().get())), session.userProperty());
        purchasesOff = Bindings.createBooleanBinding(
                () -> !unavailable.get().isEmpty() || state.get() == Payment.OPENING || !session.isOnline(),
                unavailable,
                state,
                session.onlineProperty());
        subscriptionWarning = Bindings.createStringBinding(
                () -> {
                    SubscriptionView subscription =
                            subscription(session.userProperty().get());
                    return subscription != null && "past_due".equals(subscription.status())
                            ? messages.get("plans.pastDue", planName(subscription.plan()))
                            : "";
                },
                session.userProperty(),
                plans);
        subscriptionNote = Bindings.createStringBinding(
                () -> note(subscription(session.userProperty().get())), session.userProperty(), plans);
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

    /** Reads the catalogue and the invoices (F5, and when the screen opens). */
    public void refresh() {
        if (!session.isSignedIn()) {
            return;
        }
        if (!session.isOnline()) {
            catalog.say(Tone.INFO, messages.get("plans.offline"));
            return;
        }
        loadCatalog();
        loadInvoices();
    }

    private void loadCatalog() {
        if (catalog.isBusy()) {
            return;
        }
        CompanionApi api = session.api();
        catalog.working(plans.isEmpty() ? messages.get("plans.loading") : "");
        catalogLoad = tasks.run(api::billingCatalog, this::showCatalog, error -> {
            sessions.callFailed(error);
            catalog.failed(messages.get("plans.loadFailed", failures.describe(error)));
        });
    }

    private void showCatalog(CatalogView view) {
        List<PlanView> newPlans = view.plans() == null ? List.of() : view.plans();
        List<PackView> newPacks = view.packs() == null ? List.of() : view.packs();
        plans.setAll(newPlans);
        packs.setAll(newPacks);
        boolean anythingOnSale = newPlans.stream().anyMatch(PlanView::purchasable)
                || newPacks.stream().anyMatch(PackView::purchasable);
        unavailable.set(anythingOnSale ? "" : messages.get("plans.unavailable"));
        catalog.done("");
        sessions.callSucceeded();
    }

    private void loadInvoices() {
        invoiceLoad.cancel();
        CompanionApi api = session.api();
        invoiceLoad = tasks.run(
                api::invoices,
                list -> {
                    invoices.setAll(list.items() == null ? List.of() : list.items());
                    invoicesNotice.set(invoices.isEmpty() ? messages.get("plans.invoicesEmpty") : "");
                },
                error -> {
                    invoices.clear();
                    if (isBillingUnavailable(error)) {
                        billingUnavailable();
                        invoicesNotice.set(messages.get("plans.invoicesEmpty"));
                    } else {
                        sessions.callFailed(error);
                        invoicesNotice.set(messages.get("plans.invoicesFailed", failures.describe(error)));
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
        if (!unavailable.get().isEmpty()) {
            payment.failed(unavailable.get());
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
                    String url = WebAddress.checked(api.checkout(item).url());
                    try {
                        browser.open(url);
                        return new Opened(url, null);
                    } catch (IOException | RuntimeException e) {
                        return new Opened(url, e); // the checkout exists: the user can still open it by hand
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
        if (isBillingUnavailable(error)) {
            billingUnavailable();
            payment.failed(unavailable.get());
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
        PlanView plan = plan(item);
        if (plan == null) {
            payment.done(messages.get("plans.received", credits));
        } else if (credits > 0) {
            payment.done(messages.get("plans.receivedPlan", credits, plan.name()));
        } else {
            payment.done(messages.get("plans.planActive", plan.name()));
        }
        if (session.isOnline()) {
            loadInvoices();
        }
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
                    PlanView plan = plan(waitingFor);
                    if (user.credits() > baseline) {
                        received(user.credits() - baseline);
                    } else if (plan != null && plan.id().equals(currentPlanOf(user)) && isLive(user.subscription())) {
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

    /** "Manage billing": the Stripe portal in the browser, for the card, plan changes and cancelling. */
    public void openPortal() {
        if (!session.isSignedIn() || portal.isBusy()) {
            return;
        }
        if (!session.isOnline()) {
            portal.failed(messages.get("plans.offlineBuy"));
            return;
        }
        if (!unavailable.get().isEmpty()) {
            portal.failed(unavailable.get());
            return;
        }
        CompanionApi api = session.api();
        portal.working(messages.get("plans.portalOpening"));
        tasks.run(
                () -> {
                    browser.open(WebAddress.checked(api.billingPortal().url()));
                    return null;
                },
                done -> {
                    portalSuggested.set(false);
                    portal.done(messages.get("plans.portalOpened"));
                },
                error -> {
                    if (isBillingUnavailable(error)) {
                        billingUnavailable();
                        portal.failed(unavailable.get());
                    } else if (error instanceof CompanionApiException refused) {
                        sessions.callFailed(error);
                        portal.failed(refused.getMessage()); // 409: nothing bought yet, the server says so
                    } else {
                        sessions.callFailed(error);
                        portal.failed(messages.get("plans.portalFailed", failures.describe(error)));
                    }
                });
    }

    /** Opens an invoice's Stripe page in the browser. */
    public void openInvoice(InvoiceView invoice) {
        tasks.run(
                () -> {
                    browser.open(WebAddress.checked(invoice.hostedInvoiceUrl()));
                    return null;
                },
                done -> {},
                error -> portal.failed(messages.get("plans.invoiceFailed", failures.describe(error))));
    }

    /** What the card of {@code plan} offers the signed-in user. */
    public PlanAction action(PlanView plan) {
        if (plan.id().equals(currentPlan.get())) {
            return PlanAction.CURRENT;
        }
        if (subscribed.get()) {
            return PlanAction.CHANGE;
        }
        return plan.purchasable() ? PlanAction.SUBSCRIBE : PlanAction.NOT_OFFERED;
    }

    /** Whether a plan opens every style: any plan that costs something. */
    public boolean includesProStyles(PlanView plan) {
        return !Money.isFree(plan.priceUsd());
    }

    public String price(String priceUsd) {
        return Money.usd(priceUsd);
    }

    public String perCredit(PackView pack) {
        String each = Money.perCredit(pack.priceUsd(), pack.credits());
        return each.isEmpty() ? "" : messages.get("plans.pack.perCredit", each);
    }

    /** "Paid", "Open", … for Stripe's invoice status words; an unknown word as it came. */
    public String invoiceStatus(InvoiceView invoice) {
        String status = invoice.status() == null ? "" : invoice.status().toLowerCase(Locale.ROOT);
        String key = "plans.invoice.status." + status;
        return messages.has(key) ? messages.get(key) : status;
    }

    private void billingUnavailable() {
        unavailable.set(messages.get("plans.unavailable"));
    }

    private static boolean isBillingUnavailable(Exception error) {
        return error instanceof CompanionApiException refused
                && (BILLING_UNAVAILABLE.equals(refused.code()) || refused.statusCode() == 503);
    }

    private PlanView plan(String id) {
        return id == null
                ? null
                : plans.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    private String planName(String id) {
        PlanView plan = plan(id);
        if (plan != null) {
            return plan.name();
        }
        String key = "tier." + (id == null ? "" : id.toLowerCase(Locale.ROOT));
        return messages.has(key) ? messages.get(key) : String.valueOf(id);
    }

    private String note(SubscriptionView subscription) {
        if (!isLive(subscription)
                || subscription.currentPeriodEnd() == null
                || "past_due".equals(subscription.status())) {
            return "";
        }
        String date = Dates.day(subscription.currentPeriodEnd());
        return messages.get(
                subscription.cancelAtPeriodEnd() ? "plans.endsOn" : "plans.renewsOn",
                planName(subscription.plan()),
                date);
    }

    private static SubscriptionView subscription(UserView user) {
        return user == null ? null : user.subscription();
    }

    private static boolean isLive(SubscriptionView subscription) {
        return subscription != null && !ENDED_SUBSCRIPTIONS.contains(subscription.status());
    }

    private static String currentPlanOf(UserView user) {
        if (user == null) {
            return "";
        }
        if (isLive(user.subscription()) && user.subscription().plan() != null) {
            return user.subscription().plan();
        }
        return user.tier().name().toLowerCase(Locale.ROOT);
    }

    private void reset() {
        catalogLoad.cancel();
        invoiceLoad.cancel();
        checkout.cancel();
        overdue.cancel();
        waitingFor = null;
        plans.clear();
        packs.clear();
        invoices.clear();
        catalog.clear();
        payment.clear();
        portal.clear();
        state.set(Payment.IDLE);
        unavailable.set("");
        invoicesNotice.set("");
        manualUrl.set("");
        portalSuggested.set(false);
    }

    public ObservableList<PlanView> plans() {
        return plans;
    }

    public ObservableList<PackView> packs() {
        return packs;
    }

    public ObservableList<InvoiceView> invoices() {
        return invoices;
    }

    public ReadOnlyObjectProperty<Payment> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The catalogue's loading line: "Loading…", offline, or why it failed. */
    public ReadOnlyStringProperty catalogNoticeProperty() {
        return catalog.messageProperty();
    }

    public ReadOnlyObjectProperty<Tone> catalogToneProperty() {
        return catalog.toneProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return catalog.busyProperty();
    }

    /** The purchase line: opening, waiting in the browser, received, stopped, refused. */
    public ReadOnlyStringProperty paymentMessageProperty() {
        return payment.messageProperty();
    }

    public ReadOnlyObjectProperty<Tone> paymentToneProperty() {
        return payment.toneProperty();
    }

    /** True while a checkout is being opened or its payment awaited, or the server is being asked about it. */
    public ReadOnlyBooleanProperty paymentBusyProperty() {
        return payment.busyProperty();
    }

    /** The portal's and invoices' line. */
    public ReadOnlyStringProperty portalNoticeProperty() {
        return portal.messageProperty();
    }

    public ReadOnlyObjectProperty<Tone> portalToneProperty() {
        return portal.toneProperty();
    }

    public ReadOnlyBooleanProperty portalBusyProperty() {
        return portal.busyProperty();
    }

    /** Why nothing can be bought here (billing not configured), or empty. */
    public ReadOnlyStringProperty unavailableProperty() {
        return unavailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty invoicesNoticeProperty() {
        return invoicesNotice.getReadOnlyProperty();
    }

    /** The checkout address when the browser could not be opened, for the user to open by hand; else empty. */
    public ReadOnlyStringProperty manualUrlProperty() {
        return manualUrl.getReadOnlyProperty();
    }

    /** After a plan checkout was refused because a plan is running: "Manage billing" is the way. */
    public ReadOnlyBooleanProperty portalSuggestedProperty() {
        return portalSuggested.getReadOnlyProperty();
    }

    /** The plan id the user is on: the live subscription's, else the tier's ("free"). */
    public StringBinding currentPlanProperty() {
        return currentPlan;
    }

    public BooleanBinding subscribedProperty() {
        return subscribed;
    }

    /** Buy and Subscribe are off: billing not configured, offline, or a checkout being opened. */
    public BooleanBinding purchasesOffProperty() {
        return purchasesOff;
    }

    /** A failed renewal payment ("past_due"), or empty. */
    public StringBinding subscriptionWarningProperty() {
        return subscriptionWarning;
    }

    /** When the plan renews or ends, or empty. */
    public StringBinding subscriptionNoteProperty() {
        return subscriptionNote;
    }
}
