package com.pixfino.studio.admin.users;

import com.pixfino.model.AccountStatus;
import com.pixfino.model.api.AdminUserView;
import com.pixfino.studio.core.admin.AdminApi;
import com.pixfino.studio.core.i18n.Messages;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "Suspend" and "Unsuspend" form: what it does, a reason (required to suspend), and the server's refusal shown in
 * the form. The admin's own account is never offered. UI thread only.
 */
public final class Suspension {

    private final AdminCall call;
    private final Supplier<AdminApi> api;
    private final Messages messages;
    private final Consumer<AdminUserView> changed;

    private final ReadOnlyObjectWrapper<AdminUserView> user = new ReadOnlyObjectWrapper<>(this, "user");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final BooleanBinding canConfirm;

    Suspension(AdminCall call, Supplier<AdminApi> api, Messages messages, Consumer<AdminUserView> changed) {
        this.call = call;
        this.api = api;
        this.messages = messages;
        this.changed = changed;
        canConfirm = Bindings.createBooleanBinding(
                () -> user.get() != null
                        && !busy.get()
                        && (!suspending() || !reason.get().isBlank()),
                user,
                reason,
                busy);
        reason.addListener((obs, was, now) -> error.set(""));
    }

    /** Opens the form: suspend an active account, unsuspend a suspended one. */
    public void open(AdminUserView account) {
        user.set(account);
        reason.set("");
        error.set("");
    }

    public void cancel() {
        if (!busy.get()) {
            user.set(null);
            error.set("");
        }
    }

    /** Whether the open form suspends (else it lifts a suspension). */
    public boolean suspending() {
        return user.get() != null
                && !AccountStatus.SUSPENDED.name().equals(user.get().status());
    }

    public void confirm() {
        AdminUserView account = user.get();
        if (account == null || busy.get()) {
            return;
        }
        String why = reason.get().strip();
        boolean suspend = suspending();
        if (suspend && why.isEmpty()) {
            error.set(messages.get("admin.users.suspend.reasonMissing"));
            return;
        }
        AdminApi admin = api.get();
        busy.set(true);
        error.set("");
        call.run(
                () -> suspend
                        ? admin.suspend(account.id(), why)
                        : admin.unsuspend(account.id(), why.isEmpty() ? null : why),
                now -> {
                    busy.set(false);
                    user.set(null);
                    changed.accept(now);
                },
                failure -> {
                    busy.set(false);
                    error.set(messages.get(
                            suspend ? "admin.users.suspend.failed" : "admin.users.unsuspend.failed", failure));
                });
    }

    public ReadOnlyObjectProperty<AdminUserView> userProperty() {
        return user.getReadOnlyProperty();
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding canConfirmProperty() {
        return canConfirm;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
