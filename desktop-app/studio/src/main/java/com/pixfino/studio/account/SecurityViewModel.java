package com.pixfino.studio.account;

import com.pixfino.model.api.UserView;
import com.pixfino.studio.core.account.AccountLifecycleApi;
import com.pixfino.studio.core.account.NotificationPreferences;
import com.pixfino.studio.core.account.PasswordRules;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Account → "Sign-in & email": the address and whether it is confirmed (with "Resend the link"), changing the
 * password, changing the address, and which mails the user wants.
 */
public final class SecurityViewModel {

    private final TaskExecutor tasks;
    private final Session session;
    private final SessionViewModel sessions;
    private final Messages messages;
    private final FailureMessages failures;
    private final Function<CompanionApi, AccountLifecycleApi> lifecycle;

    private final ReadOnlyStringWrapper pendingEmail = new ReadOnlyStringWrapper(this, "pendingEmail", "");
    private final ActivityStatus load = new ActivityStatus();
    private final ActivityStatus verification = new ActivityStatus();

    private final StringProperty currentPassword = new SimpleStringProperty(this, "currentPassword", "");
    private final StringProperty newPassword = new SimpleStringProperty(this, "newPassword", "");
    private final StringProperty repeatPassword = new SimpleStringProperty(this, "repeatPassword", "");
    private final ReadOnlyStringWrapper currentPasswordError = new ReadOnlyStringWrapper(this, "currentError", "");
    private final ReadOnlyStringWrapper newPasswordError = new ReadOnlyStringWrapper(this, "newError", "");
    private final ReadOnlyStringWrapper repeatPasswordError = new ReadOnlyStringWrapper(this, "repeatError", "");
    private final ActivityStatus passwordChange = new ActivityStatus();

    private final StringProperty newEmail = new SimpleStringProperty(this, "newEmail", "");
    private final StringProperty emailPassword = new SimpleStringProperty(this, "emailPassword", "");
    private final ReadOnlyStringWrapper newEmailError = new ReadOnlyStringWrapper(this, "newEmailError", "");
    private final ReadOnlyStringWrapper emailPasswordError = new ReadOnlyStringWrapper(this, "emailPwError", "");
    private final ActivityStatus emailChange = new ActivityStatus();

    private final BooleanProperty lowCredits = new SimpleBooleanProperty(this, "lowCredits", true);
    private final BooleanProperty receipts = new SimpleBooleanProperty(this, "receipts", true);
    private final BooleanProperty weeklyDigest = new SimpleBooleanProperty(this, "weeklyDigest", false);
    private final ReadOnlyBooleanWrapper preferencesLoaded = new ReadOnlyBooleanWrapper(this, "preferencesLoaded");
    private final ActivityStatus preferences = new ActivityStatus();
    private NotificationPreferences stored = NotificationPreferences.DEFAULTS;
    private boolean showing; // set while the toggles show what the server said, so it is not sent back
    private boolean saveAgain;

    private final BooleanBinding unverified;

    /** @param lifecycle the lifecycle calls of the session's API ({@code AccountLifecycleClient::of}) */
    public SecurityViewModel(
            TaskExecutor tasks,
            Session session,
            SessionViewModel sessions,
            Messages messages,
            Function<CompanionApi, AccountLifecycleApi> lifecycle) {
        this.tasks = tasks;
        this.session = session;
        this.sessions = sessions;
        this.messages = messages;
        this.failures = new FailureMessages(messages);
        this.lifecycle = lifecycle;
        unverified = Bindings.createBooleanBinding(
                () -> {
                    UserView user = session.userProperty().get();
                    return user != null && !user.emailVerified();
                },
                session.userProperty());
        lowCredits.addListener((obs, was, now) -> changed());
        receipts.addListener((obs, was, now) -> changed());
        weeklyDigest.addListener((obs, was, now) -> changed());
        currentPassword.addListener((obs, was, now) -> currentPasswordError.set(""));
        newPassword.addListener((obs, was, now) -> newPasswordError.set(""));
        repeatPassword.addListener((obs, was, now) -> repeatPasswordError.set(""));
        newEmail.addListener((obs, was, now) -> newEmailError.set(""));
        emailPassword.addListener((obs, was, now) -> emailPasswordError.set(""));
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            if (!signedIn) {
                forget();
            }
        });
    }

    /** Reads the address state and the mail choices (when the tab opens, F5). */
    public void refresh() {
        if (!session.isSignedIn() || load.isBusy()) {
            return;
        }
        if (!session.isOnline()) {
            load.say(Tone.INFO, messages.get("security.offline"));
            return;
        }
        load.working();
        // the client is made inside the task: whatever it cannot do becomes this tab's failure, never an exception
        // thrown into the screen that opened it
        tasks.run(
                () -> api().emailState(),
                state -> {
                    load.done("");
                    pendingEmail.set(state.hasPendingChange() ? state.pendingEmail() : "");
                    UserView user = session.userProperty().get();
                    if (user != null
                            && (user.emailVerified() != state.emailVerified()
                                    || !user.email().equals(state.email()))) {
                        sessions.refreshUser(); // confirmed or moved in the browser: the banner and overview follow
                    }
                },
                error -> {
                    sessions.callFailed(error);
                    load.failed(messages.get("security.loadFailed", failures.describe(error)));
                });
        tasks.run(
                () -> api().notifications(),
                answer -> {
                    if (!preferences.isBusy()) { // a save under way answers for itself
                        preferences.clear(); // "Saved" was about the last change, not about what is read now
                        show(answer);
                    }
                },
                error -> {
                    sessions.callFailed(error);
                    preferences.failed(messages.get("security.notifications.loadFailed", failures.describe(error)));
                });
    }

    /** "Resend the link": a new verification mail. */
    public void resendVerification() {
        if (!ready(verification)) {
            return;
        }
        AccountLifecycleApi api = api();
        verification.working(messages.get("security.resending"));
        tasks.run(api::resendVerification, verification::done, error -> {
            sessions.callFailed(error);
            if (error instanceof CompanionApiException refusal && "already_verified".equals(refusal.code())) {
                verification.done(messages.get("security.alreadyVerified"));
                sessions.refreshUser();
                return;
            }
            verification.failed(failures.describe(error));
        });
    }

    /** "Change password": the current one, the new one twice. Other sessions are signed out by the server. */
    public void changePassword() {
        if (passwordChange.isBusy()) {
            return;
        }
        String current = currentPassword.get();
        String chosen = newPassword.get();
        currentPasswordError.set(current.isEmpty() ? messages.get("security.field.required") : "");
        Optional<String> weak = PasswordRules.check(chosen, email()).map(this::describe);
        newPasswordError.set(weak.orElse(""));
        boolean same = chosen.equals(repeatPassword.get());
        repeatPasswordError.set(weak.isEmpty() && !same ? messages.get("forgot.error.repeat") : "");
        if (current.isEmpty() || weak.isPresent() || !same || !ready(passwordChange)) {
            return;
        }
        AccountLifecycleApi api = api();
        passwordChange.working(messages.get("security.password.changing"));
        tasks.run(
                () -> {
                    api.changePassword(current, chosen);
                    return chosen;
                },
                done -> {
                    currentPassword.set("");
                    newPassword.set("");
                    repeatPassword.set("");
                    passwordChange.done(messages.get("security.password.changed"));
                },
                error -> {
                    sessions.callFailed(error);
                    if (error instanceof CompanionApiException refusal) {
                        switch (String.valueOf(refusal.code())) {
                            case "wrong_password" -> {
                                passwordChange.clear();
                                currentPasswordError.set(refusal.getMessage());
                                return;
                            }
                            case "weak_password" -> {
                                passwordChange.clear();
                                newPasswordError.set(refusal.getMessage());
                                return;
                            }
                            default -> {}
                        }
                    }
                    passwordChange.failed(failures.describe(error));
                });
    }

    /** "Send the link" to a new address: the account moves there once that link is opened. */
    public void changeEmail() {
        if (emailChange.isBusy()) {
            return;
        }
        String address = newEmail.get().strip();
        String password = emailPassword.get();
        if (!address.matches("[^@\\s]+@[^@\\s]+")) {
            newEmailError.set(messages.get("security.changeEmail.invalid"));
        } else if (address.equalsIgnoreCase(email())) {
            newEmailError.set(messages.get("security.changeEmail.same"));
        }
        emailPasswordError.set(password.isEmpty() ? messages.get("security.field.required") : "");
        if (!newEmailError.get().isEmpty() || password.isEmpty() || !ready(emailChange)) {
            return;
        }
        AccountLifecycleApi api = api();
        emailChange.working(messages.get("security.changeEmail.sending"));
        tasks.run(
                () -> api.changeEmail(password, address),
                pending -> {
                    newEmail.set("");
                    emailPassword.set("");
                    pendingEmail.set(pending == null ? address : pending);
                    emailChange.done(messages.get("security.changeEmail.sent", pendingEmail.get()));
                },
                error -> {
                    sessions.callFailed(error);
                    if (error instanceof CompanionApiException refusal) {
                        if ("wrong_password".equals(refusal.code())) {
                            emailChange.clear();
                            emailPasswordError.set(refusal.getMessage());
                            return;
                        }
                        if (refusal.statusCode() == 400 || "email_taken".equals(refusal.code())) {
                            emailChange.clear();
                            newEmailError.set(refusal.getMessage());
                            return;
                        }
                    }
                    emailChange.failed(failures.describe(error));
                });
    }

    private void show(NotificationPreferences answer) {
        stored = answer;
        showing = true;
        try {
            lowCredits.set(answer.lowCredits());
            receipts.set(answer.receipts());
            weeklyDigest.set(answer.weeklyDigest());
        } finally {
            showing = false;
        }
        preferencesLoaded.set(true);
    }

    /** A toggle moved: the three choices are saved at once; a failure puts the toggle back. */
    private void changed() {
        if (showing) {
            return;
        }
        if (preferences.isBusy()) {
            saveAgain = true; // one more save with the latest choices once this one answers
            return;
        }
        if (!session.isSignedIn() || !session.isOnline()) {
            preferences.failed(messages.get("security.notifications.failed", messages.get("security.offline")));
            show(stored);
            return;
        }
        NotificationPreferences wanted =
                new NotificationPreferences(lowCredits.get(), receipts.get(), weeklyDigest.get());
        AccountLifecycleApi api = api();
        saveAgain = false;
        preferences.working("");
        tasks.run(
                () -> api.saveNotifications(wanted),
                saved -> {
                    stored = saved;
                    preferences.done(messages.get("security.notifications.saved"));
                    if (saveAgain && !saved.equals(current())) {
                        saveAgain = false;
                        changed();
                    } else {
                        show(saved);
                    }
                },
                error -> {
                    sessions.callFailed(error);
                    saveAgain = false;
                    preferences.failed(messages.get("security.notifications.failed", failures.describe(error)));
                    show(stored);
                });
    }

    private NotificationPreferences current() {
        return new NotificationPreferences(lowCredits.get(), receipts.get(), weeklyDigest.get());
    }

    private boolean ready(ActivityStatus status) {
        if (!session.isSignedIn() || status.isBusy()) {
            return false;
        }
        if (!session.isOnline()) {
            status.failed(messages.get("security.offline"));
            return false;
        }
        return true;
    }

    private String describe(PasswordRules.Problem problem) {
        String key = "password.problem." + problem.name().toLowerCase(Locale.ROOT);
        return switch (problem) {
            case TOO_SHORT -> messages.get(key, PasswordRules.MIN_LENGTH);
            case TOO_LONG -> messages.get(key, PasswordRules.MAX_LENGTH);
            default -> messages.get(key);
        };
    }

    private String email() {
        UserView user = session.userProperty().get();
        return user == null ? "" : user.email();
    }

    private AccountLifecycleApi api() {
        return lifecycle.apply(session.api());
    }

    private void forget() {
        for (StringProperty field :
                new StringProperty[] {currentPassword, newPassword, repeatPassword, newEmail, emailPassword}) {
            field.set("");
        }
        pendingEmail.set("");
        for (ActivityStatus status :
                new ActivityStatus[] {load, verification, passwordChange, emailChange, preferences}) {
            status.clear();
        }
        preferencesLoaded.set(false);
        show(NotificationPreferences.DEFAULTS);
        preferencesLoaded.set(false);
    }

    /** The signed-in account's address, empty while nobody is signed in. */
    public StringBinding emailText() {
        return Bindings.createStringBinding(this::email, session.userProperty());
    }

    /** True while the signed-in account's address is not confirmed: the banner and the "Resend" offer show. */
    public BooleanBinding unverifiedProperty() {
        return unverified;
    }

    public ReadOnlyStringProperty pendingEmailProperty() {
        return pendingEmail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadMessageProperty() {
        return load.messageProperty();
    }

    public ReadOnlyObjectProperty<Tone> loadToneProperty() {
        return load.toneProperty();
    }

    public ReadOnlyStringProperty verificationMessageProperty() {
        return verification.messageProperty();
    }

    public ReadOnlyObjectProperty<Tone> verificationToneProperty() {
        return verification.toneProperty();
    }

    public ReadOnlyBooleanProperty verificationBusyProperty() {
        return verification.busyProperty();
    }

    public StringProperty currentPasswordProperty() {
        return currentPassword;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public StringProperty repeatPasswordProperty() {
        return repeatPassword;
    }

    public ReadOnlyStringProperty currentPasswordErrorProperty() {
        return currentPasswordError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty newPasswordErrorProperty() {
        return newPasswordError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty repeatPasswordErrorProperty() {
        return repeatPasswordError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordMessageProperty() {
        return passwordChange.messageProperty();
    }

    public ReadOnlyObjectProperty<Tone> passwordToneProperty() {
        return passwordChange.toneProperty();
    }

    public ReadOnlyBooleanProperty passwordBusyProperty() {
        return passwordChange.busyProperty();
    }

    public StringProperty newEmailProperty() {
        return newEmail;
    }

    public StringProperty emailPasswordProperty() {
        return emailPassword;
    }

    public ReadOnlyStringProperty newEmailErrorProperty() {
        return newEmailError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emailPasswordErrorProperty() {
        return emailPasswordError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emailMessageProperty() {
        return emailChange.messageProperty();
    }

    public ReadOnlyObjectProperty<Tone> emailToneProperty() {
        return emailChange.toneProperty();
    }

    public ReadOnlyBooleanProperty emailBusyProperty() {
        return emailChange.busyProperty();
    }

    public BooleanProperty lowCreditsProperty() {
        return lowCredits;
    }

    public BooleanProperty receiptsProperty() {
        return receipts;
    }

    public BooleanProperty weeklyDigestProperty() {
        return weeklyDigest;
    }

    /** False until the server said what the user chose: the toggles wait for it. */
    public ReadOnlyBooleanProperty preferencesLoadedProperty() {
        return preferencesLoaded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty preferencesMessageProperty() {
        return preferences.messageProperty();
    }

    public ReadOnlyObjectProperty<Tone> preferencesToneProperty() {
        return preferences.toneProperty();
    }
}
