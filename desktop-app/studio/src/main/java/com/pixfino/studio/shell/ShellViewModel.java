package com.pixfino.studio.shell;

import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.session.Session;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Which registered screens the account sees and which one shows, and the offline notice while the server cannot be reached. */
public final class ShellViewModel {

    private final Session session;
    private final ScreenRegistry registry;
    private final Runnable reconnect;
    private final ObservableList<ScreenDescriptor> visible = FXCollections.observableArrayList();
    private final ObservableList<ScreenDescriptor> visibleView = FXCollections.unmodifiableObservableList(visible);
    private final ReadOnlyObjectWrapper<ScreenDescriptor> screen = new ReadOnlyObjectWrapper<>(this, "screen");
    private final BooleanBinding offline;
    private final StringBinding offlineText;
    private final StringBinding userText;

    /** {@code reconnect} checks the server again (the offline notice's "Try again"). */
    public ShellViewModel(Session session, ScreenRegistry registry, Runnable reconnect, Messages messages) {
        this.session = session;
        this.registry = registry;
        this.reconnect = reconnect;
        offline = session.signedInProperty().and(session.onlineProperty().not());
        offlineText = Bindings.createStringBinding(
                () -> session.server() == null
                        ? ""
                        : messages.get("shell.offline", session.server().toString()),
                offline);
        userText = Bindings.createStringBinding(
                () -> session.userProperty().get() == null
                        ? ""
                        : session.userProperty().get().email(),
                session.userProperty());
        updateVisible();
        session.userProperty().addListener((obs, was, now) -> updateVisible());
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            if (signedIn) {
                screen.set(landing());
            }
        });
    }

    /** Shows {@code next} if the signed-in account may see it. */
    public void show(ScreenDescriptor next) {
        if (visible.contains(next)) {
            screen.set(next);
        }
    }

    /** The offline notice's "Try again". */
    public void reconnect() {
        reconnect.run();
    }

    public ScreenRegistry registry() {
        return registry;
    }

    /** The screens the signed-in account sees, in navigation order. */
    public ObservableList<ScreenDescriptor> visibleScreens() {
        return visibleView;
    }

    /** The screen showing; null while nobody is signed in. */
    public ReadOnlyObjectProperty<ScreenDescriptor> screenProperty() {
        return screen.getReadOnlyProperty();
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

    private void updateVisible() {
        List<ScreenDescriptor> now = registry.visibleTo(session.userProperty().get());
        // The account is replaced on every balance change: rebuild the navigation only when the screens differ.
        if (!now.equals(visible)) {
            visible.setAll(now);
        }
        if (!visible.contains(screen.get())) {
            screen.set(landing());
        }
    }

    // Offline, a screen that works from the cache is the useful place to open (the gallery).
    private ScreenDescriptor landing() {
        if (visible.isEmpty()) {
            return null;
        }
        if (!session.isOnline()) {
            for (ScreenDescriptor candidate : visible) {
                if (candidate.opensOffline()) {
                    return candidate;
                }
            }
        }
        return visible.get(0);
    }
}
