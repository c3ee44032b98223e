package com.pixfino.studio.create;

import com.pixfino.model.api.styles.StyleRequest;
import com.pixfino.model.api.styles.StyleView;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.core.styles.StyleLibrary;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "My styles" (issue 14): the user's own styles for the preset browser's first category, saved from Create, renamed
 * and deleted from a tile's menu (delete asks first). The last known list is kept on disk, so the browser shows them
 * offline; changing them needs the connection.
 */
public final class MyStyles {

    private final TaskExecutor tasks;
    private final Session session;
    private final SessionViewModel sessions;
    private final Messages messages;
    private final FailureMessages failures;
    private final StyleLibrary library;
    private final ObservableList<StyleView> styles = FXCollections.observableArrayList();
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing");
    private final ObjectProperty<StyleView> renaming = new SimpleObjectProperty<>(this, "renaming");
    private final ObjectProperty<StyleView> deleting = new SimpleObjectProperty<>(this, "deleting");
    private final ActivityStatus activity = new ActivityStatus();
    private Consumer<UUID> deleted = id -> {};

    MyStyles(TaskExecutor tasks, Session session, SessionViewModel sessions, Messages messages, StyleLibrary library) {
        this.tasks = tasks;
        this.session = session;
        this.sessions = sessions;
        this.messages = messages;
        this.failures = new FailureMessages(messages);
        this.library = library;
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            styles.clear();
            renaming.set(null);
            deleting.set(null);
            activity.say(Tone.NONE, "");
            if (signedIn) {
                load();
            }
        });
        session.onlineProperty().addListener((obs, was, online) -> {
            if (online && session.isSignedIn()) {
                load();
            }
        });
    }

    /** Hears the id of each style deleted here (Create forgets it if it was chosen). */
    void onDeleted(Consumer<UUID> listener) {
        this.deleted = listener;
    }

    /** The kept list at once, then (online) the server's. */
    public void load() {
        if (!session.isSignedIn()) {
            return;
        }
        String account = account();
        boolean online = session.isOnline();
        var api = online ? session.api() : null;
        tasks.run(
                () -> online ? library.refresh(api, account) : library.known(account),
                list -> {
                    if (account.equals(accountOrNull())) {
                        styles.setAll(list);
                    }
                },
                error -> {
                    tasks.run(
                            () -> library.known(account),
                            list -> {
                                if (styles.isEmpty() && account.equals(accountOrNull())) {
                                    styles.setAll(list);
                                }
                            },
                            ignored -> {});
                    if (!FailureMessages.isNetwork(error)) {
                        activity.failed(messages.get("create.style.loadFailed", failures.describe(error)));
                    }
                });
    }

    /** Saves {@code request} as a new style; {@code saved} hears it. 409 (name taken), 400 and offline are said. */
    void save(StyleRequest request, Consumer<StyleView> saved) {
        if (request.name() == null || request.name().isBlank()) {
            activity.failed(messages.get("create.style.needsName"));
            return;
        }
        if (!session.isOnline()) {
            activity.failed(messages.get("create.style.offline"));
            return;
        }
        String account = account();
        var api = session.api();
        activity.working(messages.get("create.style.saving", request.name().strip()));
        tasks.run(
                () -> library.create(api, account, request),
                style -> {
                    styles.removeIf(s -> s.id().equals(style.id()));
                    styles.add(0, style);
                    activity.done(messages.get("create.style.saved", style.name()));
                    saved.accept(style);
                },
                error -> failed("create.style.failed", error));
    }

    /** Opens the rename row for {@code style}. */
    public void askRename(StyleView style) {
        deleting.set(null);
        renaming.set(style);
    }

    public void rename(String name) {
        StyleView style = renaming.get();
        if (style == null) {
            return;
        }
        if (name == null || name.isBlank()) {
            activity.failed(messages.get("create.style.needsName"));
            return;
        }
        if (!session.isOnline()) {
            activity.failed(messages.get("create.style.offlineChange"));
            return;
        }
        String account = account();
        var api = session.api();
        activity.working("");
        tasks.run(
                () -> library.rename(api, account, style.id(), name.strip()),
                renamed -> {
                    styles.replaceAll(s -> s.id().equals(renamed.id()) ? renamed : s);
                    renaming.set(null);
                    activity.done(messages.get("create.style.renamed", renamed.name()));
                },
                error -> failed("create.style.renameFailed", error));
    }

    /** Delete asks first: the confirm bar shows while this is set. */
    public void askDelete(StyleView style) {
        renaming.set(null);
        deleting.set(style);
    }

    public void confirmDelete() {
        StyleView style = deleting.get();
        if (style == null) {
            return;
        }
        if (!session.isOnline()) {
            activity.failed(messages.get("create.style.offlineChange"));
            return;
        }
        String account = account();
        var api = session.api();
        activity.working("");
        tasks.run(
                () -> {
                    library.delete(api, account, style.id());
                    return style;
                },
                gone -> {
                    styles.removeIf(s -> s.id().equals(gone.id()));
                    deleting.set(null);
                    deleted.accept(gone.id());
                    activity.done(messages.get("create.style.deleted", gone.name()));
                },
                error -> failed("create.style.deleteFailed", error));
    }

    public void cancel() {
        renaming.set(null);
        deleting.set(null);
        activity.say(Tone.NONE, "");
    }

    private void failed(String key, Exception error) {
        if (!FailureMessages.isNetwork(error)) {
            sessions.callFailed(error);
        }
        activity.failed(messages.get(key, failures.describe(error)));
    }

    /** Says {@code text} as a refusal (e.g. no preset to save a style from). */
    void failedNow(String text) {
        activity.failed(text);
    }

    private String account() {
        var user = session.userProperty().get();
        return session.server() + "|" + (user == null ? "" : user.id());
    }

    private String accountOrNull() {
        return session.isSignedIn() ? account() : null;
    }

    public ObservableList<StyleView> styles() {
        return styles;
    }

    /** "My styles" is the browser's chosen category. */
    public BooleanProperty showingProperty() {
        return showing;
    }

    public ObjectProperty<StyleView> renamingProperty() {
        return renaming;
    }

    public ObjectProperty<StyleView> deletingProperty() {
        return deleting;
    }

    public ReadOnlyStringProperty messageProperty() {
        return activity.messageProperty();
    }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return activity.toneProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return activity.busyProperty();
    }
}
