package com.pixfino.studio.apikeys;

import com.pixfino.model.api.apikeys.ApiKeyScope;
import com.pixfino.model.api.apikeys.ApiKeyView;
import com.pixfino.model.api.apikeys.CreateApiKeyRequest;
import com.pixfino.model.api.apikeys.CreatedApiKey;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.session.ServerCalls;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.ui.ActivityStatus;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "API access": the user's API keys. A new key is shown once ({@link #newKeyProperty()}) and forgotten when the user
 * leaves the tab or the screen; a revoke is only asked for ({@link #pendingRevokeProperty()}) until it is confirmed.
 * UI thread only: the server is reached through the TaskExecutor.
 */
public final class ApiKeysViewModel {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);

    private final Session session;
    private final Messages messages;

    private final ObservableList<ApiKeyView> keys = FXCollections.observableArrayList();
    private final ActivityStatus status = new ActivityStatus();
    private final ServerCalls calls;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final BooleanProperty generate = new SimpleBooleanProperty(this, "generate", false);
    private final ReadOnlyObjectWrapper<CreatedApiKey> newKey = new ReadOnlyObjectWrapper<>(this, "newKey");
    private final ReadOnlyObjectWrapper<ApiKeyView> pendingRevoke = new ReadOnlyObjectWrapper<>(this, "pendingRevoke");
    private final ReadOnlyStringWrapper emptyNotice = new ReadOnlyStringWrapper(this, "emptyNotice", "");

    public ApiKeysViewModel(TaskExecutor tasks, Session session, SessionViewModel sessions, Messages messages) {
        this.session = session;
        this.messages = messages;
        this.calls = new ServerCalls(tasks, sessions, messages, status);
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            if (!signedIn) {
                keys.clear();
                leave();
                status.clear();
            }
        });
    }

    /** Reads the keys (F5, and when the tab opens). */
    public void refresh() {
        if (!calls.mayRead(session, "apiKeys.offline")) {
            return;
        }
        CompanionApi api = session.api();
        status.working(keys.isEmpty() ? messages.get("apiKeys.loading") : "");
        calls.run(
                api::apiKeys,
                list -> {
                    show(list.items());
                    status.done("");
                },
                "apiKeys.loadFailed");
    }

    /** Creates a key with the typed name and the chosen scope; on success the key is shown once. */
    public void create() {
        if (!session.isSignedIn() || status.isBusy()) {
            return;
        }
        String typed = name.get() == null ? "" : name.get().strip();
        if (typed.isEmpty()) {
            status.failed(messages.get("apiKeys.nameMissing"));
            return;
        }
        if (!session.isOnline()) {
            status.failed(messages.get("apiKeys.offline"));
            return;
        }
        List<ApiKeyScope> scopes =
                generate.get() ? List.of(ApiKeyScope.READ, ApiKeyScope.GENERATE) : List.of(ApiKeyScope.READ);
        CompanionApi api = session.api();
        newKey.set(null);
        status.working(messages.get("apiKeys.creating"));
        calls.run(
                () -> {
                    CreatedApiKey created = api.createApiKey(new CreateApiKeyRequest(typed, scopes));
                    return new Created(created, api.apiKeys().items());
                },
                done -> {
                    newKey.set(done.key());
                    name.set("");
                    generate.set(false);
                    show(done.list());
                    status.done(messages.get("apiKeys.created", done.key().name()));
                },
                "apiKeys.createFailed");
    }

    private record Created(CreatedApiKey key, List<ApiKeyView> list) {}

    /** Asks to confirm revoking {@code key}: nothing is sent until {@link #confirmRevoke()}. */
    public void askRevoke(ApiKeyView key) {
        pendingRevoke.set(key);
    }

    public void cancelRevoke() {
        pendingRevoke.set(null);
    }

    /** Revokes the key asked about: scripts using it are refused at once. */
    public void confirmRevoke() {
        ApiKeyView key = pendingRevoke.get();
        if (key == null || status.isBusy()) {
            return;
        }
        pendingRevoke.set(null);
        CompanionApi api = session.api();
        status.working(messages.get("apiKeys.revoking", key.name()));
        calls.run(
                () -> {
                    api.revokeApiKey(key.id());
                    return api.apiKeys().items();
                },
                list -> {
                    show(list);
                    CreatedApiKey shown = newKey.get();
                    if (shown != null && shown.id().equals(key.id())) {
                        newKey.set(null);
                    }
                    status.done(messages.get("apiKeys.revoked", key.name()));
                },
                "apiKeys.revokeFailed",
                key.name());
    }

    /** The user left the tab or the screen: the new key is never shown again, a pending revoke is dropped. */
    public void leave() {
        newKey.set(null);
        pendingRevoke.set(null);
    }

    private void show(List<ApiKeyView> items) {
        keys.setAll(items == null ? List.of() : items);
        emptyNotice.set(keys.isEmpty() ? messages.get("apiKeys.empty") : "");
    }

    public String scopes(List<ApiKeyScope> scopes) {
        return scopes == null
                ? ""
                : scopes.stream()
                        .map(s -> messages.get("apiKeys.scope." + s.wireName()))
                        .collect(Collectors.joining(", "));
    }

    public String when(OffsetDateTime at) {
        return at == null
                ? messages.get("apiKeys.neverUsed")
                : WHEN.format(at.atZoneSameInstant(ZoneId.systemDefault()));
    }

    public String prefix(ApiKeyView key) {
        return "pxf_" + key.prefix() + "\u2026";
    }

    public ObservableList<ApiKeyView> keys() {
        return keys;
    }

    public ActivityStatus status() {
        return status;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public BooleanProperty generateProperty() {
        return generate;
    }

    public ReadOnlyObjectProperty<CreatedApiKey> newKeyProperty() {
        return newKey.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ApiKeyView> pendingRevokeProperty() {
        return pendingRevoke.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyNoticeProperty() {
        return emptyNotice.getReadOnlyProperty();
    }
}
