package com.pixfino.studio.connection;

import com.pixfino.studio.core.companion.LocalCompanion;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.connection.ConnectionMessages;
import com.pixfino.studio.core.connection.ConnectionState;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionClients;
import com.pixfino.studio.core.net.ServerUrl;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** State and commands of the connection panel: which server, is it reachable, and what to do if not. */
public final class ServerConnectionViewModel {

    private final TaskExecutor tasks;
    private final CompanionClients clients;
    private final LocalCompanion companion;
    private final ConnectionMessages text;
    private final StringProperty savedServerUrl;

    private final StringProperty serverUrl = new SimpleStringProperty(this, "serverUrl");
    private final ActivityStatus activity = new ActivityStatus();
    private final ReadOnlyObjectWrapper<ConnectionState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ConnectionState.NOT_CHECKED);

    /** {@code savedServerUrl} is the remembered setting; it only changes when a valid URL is checked. */
    public ServerConnectionViewModel(
            TaskExecutor tasks,
            CompanionClients clients,
            LocalCompanion companion,
            Messages messages,
            StringProperty savedServerUrl) {
        this.tasks = tasks;
        this.clients = clients;
        this.companion = companion;
        this.text = new ConnectionMessages(messages);
        this.savedServerUrl = savedServerUrl;
        serverUrl.set(savedServerUrl.get());
        activity.say(Tone.INFO, text.notChecked());
    }

    /** At start-up: bring the local server up if this studio is set up to, then check the connection. */
    public void connectOnStart() {
        Optional<ServerUrl> url = acceptUrl();
        if (url.isEmpty()) {
            return;
        }
        begin(ConnectionState.CHECKING, text.checking(url.get()));
        tasks.run(
                () -> companion.plan(url.get().toUri()),
                plan -> afterPlan(url.get(), plan),
                error -> probe(url.get(), Optional.empty()));
    }

    /** The "Check connection" command. */
    public void check() {
        if (activity.isBusy()) {
            return;
        }
        acceptUrl().ifPresent(url -> {
            begin(ConnectionState.CHECKING, text.checking(url));
            probe(url, Optional.empty());
        });
    }

    private void afterPlan(ServerUrl url, LocalCompanion.Plan plan) {
        switch (plan) {
            case CAN_START -> {
                begin(ConnectionState.STARTING_SERVER, text.starting());
                tasks.run(
                        () -> companion.start(url.toUri()),
                        result -> probe(url, text.startHint(result, companion)),
                        error -> probe(url, Optional.empty()));
            }
            case JAR_MISSING -> probe(url, text.jarMissingHint(companion));
            default -> probe(url, Optional.empty());
        }
    }

    private void probe(ServerUrl url, Optional<String> hint) {
        tasks.run(
                () -> clients.forServer(url).health(),
                health -> finish(
                        health.isOk() ? ConnectionState.CONNECTED : ConnectionState.DEGRADED, text.health(url, health)),
                error -> finish(ConnectionState.OFFLINE, text.failure(url, error, hint)));
    }

    private Optional<ServerUrl> acceptUrl() {
        Optional<ServerUrl> url = ServerUrl.parse(serverUrl.get());
        if (url.isEmpty()) {
            finish(ConnectionState.INVALID_URL, text.invalidUrl(serverUrl.get()));
        } else {
            savedServerUrl.set(url.get().toString());
        }
        return url;
    }

    // The words change before the state: whoever follows the state reads them already current.
    private void begin(ConnectionState next, String message) {
        activity.working(message);
        state.set(next);
    }

    private void finish(ConnectionState next, String message) {
        if (next == ConnectionState.CONNECTED) {
            activity.done(message);
        } else {
            activity.failed(message);
        }
        state.set(next);
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public ReadOnlyStringProperty statusProperty() {
        return activity.messageProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return activity.busyProperty();
    }
}
