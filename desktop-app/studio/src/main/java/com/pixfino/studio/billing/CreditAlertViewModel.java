package com.pixfino.studio.billing;

import com.pixfino.model.api.UserView;
import com.pixfino.model.api.billing.SubscriptionView;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.session.Session;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The banner above every screen when money needs attention: a renewal payment failed (the plan is at risk), or the
 * server says the balance is low. It leads to "Plans & credits"; hidden, it stays hidden until the next sign-in.
 */
public final class CreditAlertViewModel {

    /** What the banner is about, most urgent first. */
    public enum Alert {
        NONE,
        PAST_DUE,
        LOW_BALANCE
    }

    private final Session session;
    private final Messages messages;
    private final Runnable showPlans;
    private final ObservableSet<Alert> dismissed = FXCollections.observableSet();
    private final ObjectBinding<Alert> alert;
    private final StringBinding text;
    private final StringBinding actionText;

    /** {@code showPlans} opens "Plans & credits". */
    public CreditAlertViewModel(Session session, Messages messages, Runnable showPlans) {
        this.session = session;
        this.messages = messages;
        this.showPlans = showPlans;
        alert = Bindings.createObjectBinding(
                this::current, session.userProperty(), session.onlineProperty(), session.signedInProperty(), dismissed);
        text = Bindings.createStringBinding(this::describe, alert, session.creditsProperty());
        actionText = Bindings.createStringBinding(
                () -> switch (alert.get()) {
                    case PAST_DUE -> messages.get("banner.fixPayment");
                    case LOW_BALANCE -> messages.get("banner.buyCredits");
                    case NONE -> "";
                },
                alert);
        session.signedInProperty().addListener((obs, was, signedIn) -> dismissed.clear());
    }

    // Offline the flags are stale and the offline banner says what matters.
    private Alert current() {
        UserView user = session.userProperty().get();
        if (user == null || !session.isSignedIn() || !session.isOnline()) {
            return Alert.NONE;
        }
        if (user.subscription() != null
                && "past_due".equals(user.subscription().status())
                && !dismissed.contains(Alert.PAST_DUE)) {
            return Alert.PAST_DUE;
        }
        return user.lowBalance() && !dismissed.contains(Alert.LOW_BALANCE) ? Alert.LOW_BALANCE : Alert.NONE;
    }

    private String describe() {
        UserView user = session.userProperty().get();
        return switch (alert.get()) {
            case PAST_DUE -> messages.get("banner.pastDue", planName(user.subscription()));
            case LOW_BALANCE ->
                messages.get("banner.lowBalance", session.creditsProperty().get());
            case NONE -> "";
        };
    }

    private String planName(SubscriptionView subscription) {
        String key = "tier." + String.valueOf(subscription.plan()).toLowerCase(Locale.ROOT);
        return messages.has(key) ? messages.get(key) : String.valueOf(subscription.plan());
    }

    /** "Buy credits" / "Update payment": opens the plans. */
    public void act() {
        showPlans.run();
    }

    /** Hides this alert until the next sign-in; a different, more urgent one still shows. */
    public void dismiss() {
        dismissed.add(alert.get());
    }

    public ObjectBinding<Alert> alertProperty() {
        return alert;
    }

    public StringBinding textProperty() {
        return text;
    }

    public StringBinding actionTextProperty() {
        return actionText;
    }
}
