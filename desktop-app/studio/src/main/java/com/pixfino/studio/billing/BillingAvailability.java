package com.pixfino.studio.billing;

import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApiException;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Whether this server can take payments: the catalogue says so (something purchasable), a 503
 * {@code billing_unavailable} says not. Shared by the plans and the checkout, so both switch off together. UI thread.
 */
final class BillingAvailability {

    static final String BILLING_UNAVAILABLE = "billing_unavailable";

    private final Messages messages;
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper(this, "reason", "");

    BillingAvailability(Messages messages) {
        this.messages = messages;
    }

    static boolean isUnavailable(Exception error) {
        // only the server's own word: a 503 stripe_unavailable is Stripe out for a minute, not billing switched off
        return error instanceof CompanionApiException refused && BILLING_UNAVAILABLE.equals(refused.code());
    }

    void set(boolean available) {
        reason.set(available ? "" : messages.get("plans.unavailable"));
    }

    boolean isAvailable() {
        return reason.get().isEmpty();
    }

    /** Why nothing can be bought, or empty. */
    ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    String reason() {
        return reason.get();
    }
}
