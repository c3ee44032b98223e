package com.pixfino.studio.session;

import com.pixfino.studio.core.account.AccountLifecycleApi;
import com.pixfino.studio.core.account.PasswordRules;
import com.pixfino.studio.core.account.ResetLinks;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.core.net.ServerUrl;
import com.pixfino.studio.ui.ActivityStatus;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

/**
 * "Forgot password?" on the sign-in screen: ask for a link by email, then paste the link from the mail and choose the
 * new password twice. Setting it hands the address back to the sign-in form.
 */
public final class ForgotPasswordViewModel {

    /** Where the flow stands. */
    public enum Step {
        EMAIL,
        LINK
    }

    private final TaskExecutor tasks;
    private final Function<ServerUrl, AccountLifecycleApi> apis;
    private final ObservableValue<String> serverUrl;
    private final ObservableBooleanValue serverReady;
    private final Messages messages;
    private final FailureMessages failures;
    private final Consumer<String> passwordSet;

    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.EMAIL);
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty link = new SimpleStringProperty(this, "link", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty repeat = new SimpleStringProperty(this, "repeat", "");
    private final ReadOnlyStringWrapper linkError = new ReadOnlyStringWrapper(this, "linkError", "");
    private final ReadOnlyStringWrapper passwordError = new ReadOnlyStringWrapper(this, "passwordError", "");
    private final ReadOnlyStringWrapper repeatError = new ReadOnlyStringWrapper(this, "repeatError", "");
    private final ReadOnlyStringWrapper sent = new ReadOnlyStringWrapper(this, "sent", "");
    private final ActivityStatus activity = new ActivityStatus(); // its words are only ever an error

    /** @param passwordSet hears the address (may be blank) once the new password is set */
    public ForgotPasswordViewModel(
            TaskExecutor tasks,
            Function<ServerUrl, AccountLifecycleApi> apis,
            ObservableValue<String> serverUrl,
            ObservableBooleanValue serverReady,
            Messages messages,
            Consumer<String> passwordSet) {
        this.tasks = tasks;
        this.apis = apis;
        this.serverUrl = serverUrl;
        this.serverReady = serverReady;
        this.messages = messages;
        this.failures = new FailureMessages(messages);
        this.passwordSet = passwordSet;
        // an error about what was typed goes away as soon as it is corrected
        link.addListener((obs, was, now) -> linkError.set(""));
        password.addListener((obs, was, now) -> passwordError.set(""));
        repeat.addListener((obs, was, now) -> repeatError.set(""));
    }

    /** Opens on the email step, with the address the sign-in form holds. */
    public void open(String signInEmail) {
        email.set(signInEmail == null ? "" : signInEmail.strip());
        link.set("");
        password.set("");
        repeat.set("");
        sent.set("");
        activity.clear();
        step.set(Step.EMAIL);
        open.set(true);
    }

    /** Esc, "Back to sign in": nothing is sent, the typed passwords are forgotten. */
    public void close() {
        password.set("");
        repeat.set("");
        activity.clear();
        open.set(false);
    }

    /** Mails the link (Enter on the email step); the server answers the same whether or not the address is known. */
    public void sendLink() {
        if (activity.isBusy()) {
            return;
        }
        String address = email.get().strip();
        if (!address.contains("@")) {
            activity.failed(messages.get("forgot.error.email"));
            return;
        }
        Optional<AccountLifecycleApi> api = api();
        if (api.isEmpty()) {
            return;
        }
        activity.working("");
        tasks.run(
                () -> api.get().requestPasswordReset(address),
                answer -> {
                    activity.done("");
                    sent.set(answer);
                    step.set(Step.LINK);
                },
                error -> activity.failed(failures.describe(error)));
    }

    /** "I already have a link": straight to pasting it. */
    public void haveLink() {
        activity.clear();
        sent.set("");
        step.set(Step.LINK);
    }

    /** "Send another link": back to the email step, the address kept. */
    public void backToEmail() {
        activity.clear();
        step.set(Step.EMAIL);
    }

    /** Sets the new password with the pasted link (Enter on the link step). */
    public void setPassword() {
        if (activity.isBusy()) {
            return;
        }
        Optional<String> token = ResetLinks.token(link.get());
        linkError.set(token.isPresent() ? "" : messages.get("forgot.error.link"));
        String address = email.get().strip();
        String chosen = password.get();
        Optional<String> weak = PasswordRules.check(chosen, address).map(this::describe);
        passwordError.set(weak.orElse(""));
        boolean same = chosen.equals(repeat.get());
        repeatError.set(weak.isEmpty() && !same ? messages.get("forgot.error.repeat") : "");
        if (token.isEmpty() || weak.isPresent() || !same) {
            return;
        }
        Optional<AccountLifecycleApi> api = api();
        if (api.isEmpty()) {
            return;
        }
        activity.working("");
        tasks.run(
                () -> {
                    api.get().confirmPasswordReset(token.get(), chosen);
                    return address;
                },
                done -> {
                    activity.done("");
                    close();
                    passwordSet.accept(done);
                },
                this::refused);
    }

    private void refused(Exception error) {
        if (error instanceof CompanionApiException api && "weak_password".equals(api.code())) {
            activity.clear();
            passwordError.set(api.getMessage());
            return;
        }
        if (error instanceof CompanionApiException api && "invalid_token".equals(api.code())) {
            activity.clear();
            linkError.set(api.getMessage());
            return;
        }
        activity.failed(failures.describe(error));
    }

    /** A password rule in words, as the field's inline error. */
    public String describe(PasswordRules.Problem problem) {
        String key = "password.problem." + problem.name().toLowerCase(Locale.ROOT);
        return switch (problem) {
            case TOO_SHORT -> messages.get(key, PasswordRules.MIN_LENGTH);
            case TOO_LONG -> messages.get(key, PasswordRules.MAX_LENGTH);
            default -> messages.get(key);
        };
    }

    private Optional<AccountLifecycleApi> api() {
        Optional<ServerUrl> server = ServerUrl.parse(serverUrl.getValue());
        if (server.isEmpty()) {
            activity.failed(messages.get("signIn.error.noServer"));
            return Optional.empty();
        }
        if (!serverReady.get()) {
            activity.failed(messages.get("forgot.error.offline"));
            return Optional.empty();
        }
        return Optional.of(apis.apply(server.get()));
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty linkProperty() {
        return link;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    public ReadOnlyStringProperty linkErrorProperty() {
        return linkError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordErrorProperty() {
        return passwordError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty repeatErrorProperty() {
        return repeatError.getReadOnlyProperty();
    }

    /** The server's sentence after the link was asked for ("If an account has this address…"). */
    public ReadOnlyStringProperty sentProperty() {
        return sent.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return activity.messageProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return activity.busyProperty();
    }
}
