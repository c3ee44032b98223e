package com.pixfino.studio.admin.users;

import com.pixfino.model.api.AdminUserView;
import com.pixfino.model.api.LedgerEntryView;
import com.pixfino.studio.core.admin.AdminApi;
import com.pixfino.studio.core.i18n.Messages;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "Adjust credits" form: a signed whole amount and a required reason, the balance it leads to shown before
 * saving, a change below zero refused here, and the server's refusal shown in the form. UI thread only.
 */
public final class CreditAdjustment {

    private final AdminCall call;
    private final Supplier<AdminApi> api;
    private final Messages messages;
    private final BiConsumer<AdminUserView, LedgerEntryView> saved;

    private final ReadOnlyObjectWrapper<AdminUserView> user = new ReadOnlyObjectWrapper<>(this, "user");
    private final StringProperty amount = new SimpleStringProperty(this, "amount", "");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final StringBinding preview;
    private final BooleanBinding canSave;

    /** {@code saved}: the account and its new ledger row, once the server took the change. */
    CreditAdjustment(
            AdminCall call,
            Supplier<AdminApi> api,
            Messages messages,
            BiConsumer<AdminUserView, LedgerEntryView> saved) {
        this.call = call;
        this.api = api;
        this.messages = messages;
        this.saved = saved;
        preview = Bindings.createStringBinding(this::previewText, user, amount);
        canSave = Bindings.createBooleanBinding(
                () -> user.get() != null
                        && !busy.get()
                        && parsedAmount() != null
                        && parsedAmount() != 0
                        && user.get().credits() + parsedAmount() >= 0
                        && !reason.get().isBlank(),
                user,
                amount,
                reason,
                busy);
        amount.addListener((obs, was, now) -> error.set(""));
        reason.addListener((obs, was, now) -> error.set(""));
    }

    /** Opens the form for {@code account}, empty. */
    public void open(AdminUserView account) {
        user.set(account);
        amount.set("");
        reason.set("");
        error.set("");
    }

    /** Escape and Cancel: nothing is sent. */
    public void cancel() {
        if (!busy.get()) {
            user.set(null);
            error.set("");
        }
    }

    /** Enter and Save: checks here first, then asks the server. */
    public void save() {
        AdminUserView account = user.get();
        if (account == null || busy.get()) {
            return;
        }
        Integer value = parsedAmount();
        if (value == null || value == 0) {
            error.set(messages.get("admin.users.adjust.amountInvalid"));
            return;
        }
        if (account.credits() + value < 0) {
            error.set(messages.get("admin.users.adjust.belowZero", account.credits()));
            return;
        }
        String why = reason.get().strip();
        if (why.isEmpty()) {
            error.set(messages.get("admin.users.adjust.reasonMissing"));
            return;
        }
        AdminApi admin = api.get();
        busy.set(true);
        error.set("");
        call.run(
                () -> admin.adjustCredits(account.id(), value, why),
                row -> {
                    busy.set(false);
                    user.set(null);
                    saved.accept(account, row);
                },
                failure -> {
                    busy.set(false);
                    error.set(messages.get("admin.users.adjust.failed", failure));
                });
    }

    private String previewText() {
        AdminUserView account = user.get();
        if (account == null) {
            return "";
        }
        Integer value = parsedAmount();
        if (value == null || value == 0) {
            return messages.get("admin.users.adjust.current", account.credits());
        }
        long after = (long) account.credits() + value;
        return after < 0
                ? messages.get("admin.users.adjust.belowZero", account.credits())
                : messages.get("admin.users.adjust.preview", account.credits(), after);
    }

    /** The typed amount: a whole number with an optional sign; null when it is not one. */
    Integer parsedAmount() {
        String text = amount.get() == null ? "" : amount.get().strip().replace("\u2212", "-");
        if (!text.matches("[+-]?\\d{1,7}")) {
            return null;
        }
        return Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
    }

    /** Whether the balance after the change would be below zero (the preview says so in red). */
    public boolean belowZero() {
        Integer value = parsedAmount();
        return user.get() != null && value != null && user.get().credits() + value < 0;
    }

    public ReadOnlyObjectProperty<AdminUserView> userProperty() {
        return user.getReadOnlyProperty();
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** The balance now and after the change, or why the change cannot be made. */
    public StringBinding previewProperty() {
        return preview;
    }

    /** The refusal, here or by the server, "" while there is none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
