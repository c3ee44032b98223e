package com.pixfino.studio.shell;

import com.pixfino.studio.connection.ServerConnectionViewModel;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.session.Session;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** Which screen shows, and the offline notice across the top while the server cannot be reached. */
public final class ShellViewModel {

    private final Session session;
    private final ServerConnectionViewModel connection;
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(this, "screen", Screen.CREATE);
    private final BooleanBinding offline;
    private final StringBinding offlineText;
    private final StringBinding userText;

    public ShellViewModel(Session session, ServerConnectionViewModel connection, Messages messages) {
        this.session = session;
        this.connection = connection;
        offline = session.signedInProperty().and(session.onlineProperty().not());
        offlineText = Bindings.createStringBinding(() -> session.server() == null ? ""
                : messages.get("shell.offline", session.server().toString()), offline);
        userText = Bindings.createStringBinding(() -> session.userProperty().get() == null ? ""
                : session.userProperty().get().email(), session.userProperty());
        // Offline, the cached gallery is what still works: open there.
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            if (signedIn) {
                screen.set(session.isOnline() ? Screen.CREATE : Screen.GALLERY);
            }
        });
    }

    public void show(Screen next) {
        screen.set(next);
    }

    /** The offline notice's "Try again". */
    public void reconnect() {
        connection.check();
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public BooleanBinding offlineProperty() {
        return offline;
    }

    public StringBinding offlineTextProperty() {
        return offlineText;
    }

    public StringBinding userTextProperty() {
        return userText;
    }

    public Session session() {
        return session;
    }
}
