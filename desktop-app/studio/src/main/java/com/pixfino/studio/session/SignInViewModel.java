package com.pixfino.studio.session;

import com.pixfino.model.api.AuthResponse;
import com.pixfino.model.api.LoginRequest;
import com.pixfino.model.api.RegisterRequest;
import com.pixfino.studio.core.account.AccountLifecycleApi;
import com.pixfino.studio.core.account.AccountLifecycleClient;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.ApiFactory;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.core.net.ServerUrl;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

/** The sign-in and create-account form: fields, a submit command, and the server's answer in words. */
public final class SignInViewModel {

    /** Which of the two forms is showing. */
    public enum Mode {
        SIGN_IN,
        REGISTER
    }

    private static final int MIN_PASSWORD = 10;

    private final TaskExecutor tasks;
    private final ApiFactory apis;
    private final SessionViewModel sessions;
    private final ObservableValue<String> serverUrl;
    private final Messages messages;
    private final FailureMessages failures;

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.SIGN_IN);
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ActivityStatus activity = new ActivityStatus(); // its words are only ever an error
    private final BooleanProperty serverReady = new SimpleBooleanProperty(this, "serverReady");
    private final BooleanBinding canSubmit;
    private final ForgotPasswordViewModel forgotPassword;

    public SignInViewModel(
            TaskExecutor tasks,
            ApiFactory apis,
            SessionViewModel sessions,
            ObservableValue<String> serverUrl,
            ObservableBooleanValue serverReady,
            Messages messages) {
        this(
                tasks,
                apis,
                server -> AccountLifecycleClient.of(apis.forServer(server)),
                sessions,
                serverUrl,
                serverReady,
                messages);
    }

    /** @param lifecycle the signed-out password reset calls of a server */
    public SignInViewModel(
            TaskExecutor tasks,
            ApiFactory apis,
            Function<ServerUrl, AccountLifecycleApi> lifecycle,
            SessionViewModel sessions,
            ObservableValue<String> serverUrl,
            ObservableBooleanValue serverReady,
            Messages messages) {
        this.forgotPassword =
                new ForgotPasswordViewModel(tasks, lifecycle, serverUrl, serverReady, messages, this::passwordWasReset);
        this.tasks = tasks;
        this.apis = apis;
        this.sessions = sessions;
        this.serverUrl = serverUrl;
        this.messages = messages;
        this.failures = new FailureMessages(messages);
        this.serverReady.bind(serverReady);
        canSubmit = Bindings.createBooleanBinding(
                () -> !activity.isBusy()
                        && this.serverReady.get()
                        && !email.get().isBlank()
                        && !password.get().isEmpty(),
                activity.busyProperty(),
                this.serverReady,
                email,
                password);
        mode.addListener((obs, was, now) -> activity.say(Tone.NONE, ""));
    }

    /** Signs in or creates the account, by the current mode. Enter in any field does this. */
    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        Optional<String> invalid = validate();
        if (invalid.isPresent()) {
            activity.failed(invalid.get());
            return;
        }
        Optional<ServerUrl> server = ServerUrl.parse(serverUrl.getValue());
        if (server.isEmpty()) {
            activity.failed(messages.get("signIn.error.noServer"));
            return;
        }
        Mode current = mode.get();
        String mail = email.get().strip();
        String secret = password.get();
        String displayName = name.get().strip();
        activity.working("");
        tasks.run(
                () -> call(server.get(), current, mail, secret, displayName),
                auth -> {
                    activity.done("");
                    password.set("");
                    mode.set(Mode.SIGN_IN); // signing out later comes back to "Sign in", not to a new account
                    sessions.signedIn(server.get(), auth);
                },
                failure -> activity.failed(failures.describe(failure)));
    }

    private AuthResponse call(ServerUrl server, Mode current, String mail, String secret, String displayName)
            throws Exception {
        var api = apis.forServer(server);
        return current == Mode.REGISTER
                ? api.register(new RegisterRequest(mail, secret, displayName.isEmpty() ? null : displayName))
                : api.login(new LoginRequest(mail, secret));
    }

    // The server checks everything again; these catch the obvious before a round trip.
    private Optional<String> validate() {
        if (!email.get().contains("@")) {
            return Optional.of(messages.get("signIn.error.email"));
        }
        if (mode.get() == Mode.REGISTER && password.get().length() < MIN_PASSWORD) {
            return Optional.of(messages.get("signIn.error.shortPassword", MIN_PASSWORD));
        }
        return Optional.empty();
    }

    /** "Forgot password?": the reset flow opens over the form, with the address typed so far. */
    public void forgotPassword() {
        forgotPassword.open(email.get());
    }

    private void passwordWasReset(String address) {
        if (!address.isBlank()) {
            email.set(address);
        }
        password.set("");
        mode.set(Mode.SIGN_IN);
        activity.clear();
        sessions.passwordReset();
    }

    public ForgotPasswordViewModel forgotPasswordModel() {
        return forgotPassword;
    }

    public void toggleMode() {
        mode.set(mode.get() == Mode.SIGN_IN ? Mode.REGISTER : Mode.SIGN_IN);
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return activity.busyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return activity.messageProperty();
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return sessions.noticeProperty();
    }
}
