package com.pixfino.studio.billing;

import com.pixfino.model.api.billing.CatalogView;
import com.pixfino.model.api.billing.InvoiceView;
import com.pixfino.model.api.billing.PackView;
import com.pixfino.model.api.billing.PlanView;
import com.pixfino.model.api.billing.SubscriptionView;
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
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Plans & credits": the catalogue with the current plan and whether anything can be bought here, the billing portal
 * and the invoices; a purchase itself is its {@link #checkout()}. UI thread only: the server and the browser are
 * reached through the TaskExecutor.
 */
public final class PlansViewModel {

    /** What a plan's card offers. */
    public enum PlanAction {
        CURRENT,
        SUBSCRIBE,
        /** Plan changes and cancelling happen in the billing portal once there is a subscription. */
        CHANGE,
        NOT_OFFERED
    }

    /** How long the studio waits for a payment before it suggests checking again. */
    public static final Duration PATIENCE = Duration.ofMinutes(2);

    private final TaskExecutor tasks;
    private final Session session;
    private final SessionViewModel sessions;
    private final Messages messages;
    private final FailureMessages failures;
    private final Browser browser;
    private final BillingAvailability availability;
    private final CheckoutViewModel checkout;

    private final ObservableList<PlanView> plans = FXCollections.observableArrayList();
    private final ObservableList<PackView> packs = FXCollections.observableArrayList();
    private final ObservableList<InvoiceView> invoices = FXCollections.observableArrayList();
    private final ActivityStatus catalog = new ActivityStatus();
    private final ActivityStatus portal = new ActivityStatus();
    private final ReadOnlyStringWrapper invoicesNotice = new ReadOnlyStringWrapper(this, "invoicesNotice", "");
    private final StringBinding currentPlan;
    private final BooleanBinding subscribed;
    private final BooleanBinding purchasesOff;
    private final StringBinding subscriptionWarning;
    private final StringBinding subscriptionNote;

    private TaskHandle catalogLoad = TaskHandle.NONE;
    private TaskHandle invoiceLoad = TaskHandle.NONE;

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
        this.availability = new BillingAvailability(messages);
        this.checkout = new CheckoutViewModel(
                tasks, session, sessions, messages, browser, patience, availability, this::plan, this::paid);
        currentPlan = Bindings.createStringBinding(
                () -> Subscriptions.currentPlan(session.userProperty().get()), session.userProperty());
        subscribed = Bindings.createBooleanBinding(
                () -> Subscriptions.isLive(
                        Subscriptions.of(session.userProperty().get())),
                session.userProperty());
        purchasesOff = Bindings.createBooleanBinding(
                () -> !availability.isAvailable()
                        || checkout.stateProperty().get() == CheckoutViewModel.Payment.OPENING
                        || !session.isOnline(),
                availability.reasonProperty(),
                checkout.stateProperty(),
                session.onlineProperty());
        subscriptionWarning = Bindings.createStringBinding(
                () -> {
                    SubscriptionView subscription =
                            Subscriptions.of(session.userProperty().get());
                    return Subscriptions.isPastDue(subscription)
                            ? messages.get("plans.pastDue", planName(subscription.plan()))
                            : "";
                },
                session.userProperty(),
                plans);
        subscriptionNote = Bindings.createStringBinding(
                () -> note(Subscriptions.of(session.userProperty().get())), session.userProperty(), plans);
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
        availability.set(newPlans.stream().anyMatch(PlanView::purchasable)
                || newPacks.stream().anyMatch(PackView::purchasable));
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
                    if (BillingAvailability.isUnavailable(error)) {
                        availability.set(false);
                        invoicesNotice.set(messages.get("plans.invoicesEmpty"));
                    } else {
                        sessions.callFailed(error);
                        invoicesNotice.set(messages.get("plans.invoicesFailed", failures.describe(error)));
                    }
                });
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
        if (!availability.isAvailable()) {
            portal.failed(availability.reason());
            return;
        }
        CompanionApi api = session.api();
        portal.working(messages.get("plans.portalOpening"));
        tasks.run(
                () -> {
                    WebAddress.open(browser, api.billingPortal().url());
                    return null;
                },
                done -> {
                    checkout.portalOpened();
                    portal.done(messages.get("plans.portalOpened"));
                },
                error -> {
                    if (error instanceof WebAddress.BrowserFailure failure) {
                        portal.failed(messages.get("plans.browserFailed", failure.getMessage(), failure.url()));
                    } else if (BillingAvailability.isUnavailable(error)) {
                        availability.set(false);
                        portal.failed(availability.reason());
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
                    WebAddress.open(browser, invoice.hostedInvoiceUrl());
                    return null;
                },
                done -> {},
                error -> portal.failed(
                        error instanceof WebAddress.BrowserFailure failure
                                ? messages.get("plans.browserFailed", failure.getMessage(), failure.url())
                                : messages.get("plans.invoiceFailed", failures.describe(error))));
    }

    /** What the card of {@code plan} offers the signed-in user. */
    public PlanAction action(PlanView plan) {
        if (plan.id().equals(currentPlan.get())) {
            return PlanAction.CURRENT;
        }
        if (!plan.purchasable() && !Money.isFree(plan.priceUsd())) {
            return PlanAction.NOT_OFFERED; // no Stripe price here: the portal cannot switch to it either
        }
        if (subscribed.get()) {
            return PlanAction.CHANGE; // Free too: cancelling in the portal is the way back to it
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
        if (!Subscriptions.isLive(subscription)
                || subscription.currentPeriodEnd() == null
                || Subscriptions.isPastDue(subscription)) {
            return "";
        }
        String date = Dates.day(subscription.currentPeriodEnd());
        return messages.get(
                subscription.cancelAtPeriodEnd() ? "plans.endsOn" : "plans.renewsOn",
                planName(subscription.plan()),
                date);
    }

    private void reset() {
        catalogLoad.cancel();
        invoiceLoad.cancel();
        plans.clear();
        packs.clear();
        invoices.clear();
        catalog.clear();
        portal.clear();
        availability.set(true);
        invoicesNotice.set("");
    }

    // the checkout's payment landed: its invoice is news
    private void paid() {
        if (session.isOnline()) {
            loadInvoices();
        }
    }

    /** The purchase in progress, if any. */
    public CheckoutViewModel checkout() {
        return checkout;
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

    /** The catalogue's loading line: "Loading…", offline, or why it failed; busy while it loads. */
    public ActivityStatus catalogStatus() {
        return catalog;
    }

    /** The portal's and invoices' line; busy while the portal opens. */
    public ActivityStatus portalStatus() {
        return portal;
    }

    /** Why nothing can be bought here (billing not configured), or empty. */
    public ReadOnlyStringProperty unavailableProperty() {
        return availability.reasonProperty();
    }

    public ReadOnlyStringProperty invoicesNoticeProperty() {
        return invoicesNotice.getReadOnlyProperty();
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
