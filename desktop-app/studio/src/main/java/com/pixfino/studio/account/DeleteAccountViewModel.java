package com.pixfino.studio.account;

import com.pixfino.model.api.UserView;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "Delete account" confirmation: the user types their email (or DELETE) and their password; only then can
 * they delete. On success the session ends, this computer forgets the account's gallery, and {@link #deletedProperty()}
 * turns true so the dialog closes. A wrong password keeps the dialog open with the server's sentence.
 */
public final class DeleteAccountViewModel {

    /** What may be typed instead of the email. */
    public static final String CONFIRM_WORD = "DELETE";

    private final TaskExecutor tasks;
    private final Session session;
    private final SessionViewModel sessions;
    private final Messages messages;
    private final LocalAccountData local;
    private final FailureMessages failures;
    private final String email;
    private final StringProperty confirmation = new SimpleStringProperty(this, "confirmation", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ActivityStatus activity = new ActivityStatus();
    private final ReadOnlyBooleanWrapper deleted = new ReadOnlyBooleanWrapper(this, "deleted");
    private final BooleanBinding canDelete;

    DeleteAccountViewModel(
            TaskExecutor tasks, Session session, SessionViewModel sessions, Messages messages, LocalAccountData local) {
        this.tasks = tasks;
        this.session = session;
        this.sessions = sessions;
        this.messages = messages;
        this.local = local;
        this.failures = new FailureMessages(messages);
        UserView user = session.userProperty().get();
        this.email = user == null ? "" : user.email();
        canDelete = Bindings.createBooleanBinding(
                () -> confirmed() && !password.get().isEmpty() && !activity.isBusy(),
                confirmation,
                password,
                activity.busyProperty());
    }

    /** The email the user must type, for the dialog's header. */
    public String email() {
        return email;
    }

    private boolean confirmed() {
        String typed = confirmation.get() == null ? "" : confirmation.get().trim();
        return typed.equals(CONFIRM_WORD)
                || (!email.isEmpty() && typed.toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT)));
    }

    /** Deletes the account on the server; does nothing until {@link #canDeleteProperty()} holds. */
    public void delete() {
        if (!canDelete.get()) {
            return;
        }
        if (!session.isSignedIn() || !session.isOnline()) {
            activity.say(Tone.ERROR, messages.get("delete.offline"));
            return;
        }
        var api = session.api();
        String owner = session.ownerId();
        String typedPassword = password.get();
        activity.working(messages.get("delete.working"));
        tasks.run(
                () -> {
                    api.deleteAccount(typedPassword);
                    return null;
                },
                done -> {
                    activity.clear();
                    password.set("");
                    deleted.set(true);
                    sessions.accountDeleted(() -> {
                        local.forget(owner);
                        return null;
                    });
                },
                error -> {
                    if (error instanceof CompanionApiException refused && refused.statusCode() == 403) {
                        // a wrong password is the user's to fix here, not a reason to end the session; the server says
                        // it all
                        password.set("");
                        activity.failed(refused.getMessage());
                        return;
                    }
                    sessions.callFailed(error);
                    activity.failed(messages.get("delete.failed", failures.describe(error)));
                });
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanBinding canDeleteProperty() {
        return canDelete;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return activity.busyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return activity.messageProperty();
    }

    /** Turns true once the account is gone: the dialog closes. */
    public ReadOnlyBooleanProperty deletedProperty() {
        return deleted.getReadOnlyProperty();
    }
}
