package com.pixfino.studio.webhooks;

import com.pixfino.model.api.webhooks.CreateWebhookRequest;
import com.pixfino.model.api.webhooks.CreatedWebhook;
import com.pixfino.model.api.webhooks.WebhookDeliveryView;
import com.pixfino.model.api.webhooks.WebhookView;
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
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "API access" → webhooks: add an https endpoint (its signing secret shown once), the endpoints with the disabled
 * ones' reason, delete after a confirmation, a test ping and the recent deliveries of one endpoint. UI thread only.
 */
public final class WebhooksViewModel {

    public static final String COMPLETED = "generation.completed";
    public static final String FAILED = "generation.failed";

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM);

    private final Session session;
    private final Messages messages;
    private final ServerCalls calls;

    private final ObservableList<WebhookView> endpoints = FXCollections.observableArrayList();
    private final ObservableList<WebhookDeliveryView> deliveries = FXCollections.observableArrayList();
    private final ActivityStatus status = new ActivityStatus();
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final BooleanProperty completed = new SimpleBooleanProperty(this, "completed", true);
    private final BooleanProperty failed = new SimpleBooleanProperty(this, "failed", true);
    private final ReadOnlyObjectWrapper<CreatedWebhook> newSecret = new ReadOnlyObjectWrapper<>(this, "newSecret");
    private final ReadOnlyObjectWrapper<WebhookView> pendingDelete = new ReadOnlyObjectWrapper<>(this, "pendingDelete");
    private final ReadOnlyObjectWrapper<WebhookView> shownDeliveries =
            new ReadOnlyObjectWrapper<>(this, "shownDeliveries");

    public WebhooksViewModel(TaskExecutor tasks, Session session, SessionViewModel sessions, Messages messages) {
        this.session = session;
        this.messages = messages;
        this.calls = new ServerCalls(tasks, sessions, messages, status);
        session.signedInProperty().addListener((obs, was, signedIn) -> {
            if (!signedIn) {
                endpoints.clear();
                leave();
                status.clear();
            }
        });
    }

    public void refresh() {
        if (!calls.mayRead(session, "webhooks.offline")) {
            return;
        }
        CompanionApi api = session.api();
        WebhookView open = shownDeliveries.get();
        status.working("");
        calls.run(
                () -> new Loaded(
                        api.webhooks().items(),
                        open == null ? null : api.webhookDeliveries(open.id()).items()),
                loaded -> {
                    show(loaded);
                    status.done("");
                },
                "webhooks.loadFailed");
    }

    private record Loaded(List<WebhookView> endpoints, List<WebhookDeliveryView> deliveries) {}

    /** Adds the typed https URL for the chosen events; its signing secret is shown once. */
    public void create() {
        if (!session.isSignedIn() || status.isBusy()) {
            return;
        }
        String typed = url.get() == null ? "" : url.get().strip();
        List<String> events = new ArrayList<>();
        if (completed.get()) {
            events.add(COMPLETED);
        }
        if (failed.get()) {
            events.add(FAILED);
        }
        if (!typed.startsWith("https://")) {
            status.failed(messages.get("webhooks.urlMissing"));
            return;
        }
        if (events.isEmpty()) {
            status.failed(messages.get("webhooks.eventsMissing"));
            return;
        }
        if (!session.isOnline()) {
            status.failed(messages.get("webhooks.offline"));
            return;
        }
        CompanionApi api = session.api();
        newSecret.set(null);
        status.working(messages.get("webhooks.adding"));
        calls.run(
                () -> {
                    CreatedWebhook created = api.createWebhook(new CreateWebhookRequest(typed, List.copyOf(events)));
                    return new Added(created, api.webhooks().items());
                },
                added -> {
                    newSecret.set(added.created());
                    url.set("");
                    endpoints.setAll(added.list());
                    status.done(messages.get("webhooks.added", added.created().url()));
                },
                "webhooks.addFailed");
    }

    private record Added(CreatedWebhook created, List<WebhookView> list) {}

    public void askDelete(WebhookView endpoint) {
        pendingDelete.set(endpoint);
    }

    public void cancelDelete() {
        pendingDelete.set(null);
    }

    public void confirmDelete() {
        WebhookView endpoint = pendingDelete.get();
        if (endpoint == null || status.isBusy()) {
            return;
        }
        pendingDelete.set(null);
        CompanionApi api = session.api();
        status.working(messages.get("webhooks.deleting"));
        calls.run(
                () -> {
                    api.deleteWebhook(endpoint.id());
                    return api.webhooks().items();
                },
                list -> {
                    endpoints.setAll(list);
                    if (shownDeliveries.get() != null
                            && shownDeliveries.get().id().equals(endpoint.id())) {
                        shownDeliveries.set(null);
                        deliveries.clear();
                    }
                    CreatedWebhook secret = newSecret.get();
                    if (secret != null && secret.id().equals(endpoint.id())) {
                        newSecret.set(null);
                    }
                    status.done(messages.get("webhooks.deleted", endpoint.url()));
                },
                "webhooks.deleteFailed");
    }

    /** Sends a {@code ping} and shows the endpoint's deliveries, where its attempt appears. */
    public void ping(WebhookView endpoint) {
        if (status.isBusy()) {
            return;
        }
        CompanionApi api = session.api();
        status.working(messages.get("webhooks.pinging"));
        calls.run(
                () -> {
                    String id = api.pingWebhook(endpoint.id()).webhookId();
                    return new Pinged(id, api.webhookDeliveries(endpoint.id()).items());
                },
                pinged -> {
                    shownDeliveries.set(endpoint);
                    deliveries.setAll(pinged.deliveries());
                    status.done(messages.get("webhooks.pinged", pinged.webhookId()));
                },
                "webhooks.pingFailed");
    }

    private record Pinged(String webhookId, List<WebhookDeliveryView> deliveries) {}

    public void showDeliveries(WebhookView endpoint) {
        if (status.isBusy()) {
            return;
        }
        CompanionApi api = session.api();
        status.working("");
        calls.run(
                () -> api.webhookDeliveries(endpoint.id()).items(),
                list -> {
                    shownDeliveries.set(endpoint);
                    deliveries.setAll(list);
                    status.done(list.isEmpty() ? messages.get("webhooks.noDeliveries") : "");
                },
                "webhooks.deliveriesFailed");
    }

    /** The user left the tab or the screen: the secret is never shown again. */
    public void leave() {
        newSecret.set(null);
        pendingDelete.set(null);
    }

    private void show(Loaded loaded) {
        endpoints.setAll(loaded.endpoints() == null ? List.of() : loaded.endpoints());
        if (loaded.deliveries() != null) {
            deliveries.setAll(loaded.deliveries());
        }
    }

    /** "Active", or "Disabled: reason" for an endpoint switched off after failing too often. */
    public String state(WebhookView endpoint) {
        if (endpoint.disabledAt() == null) {
            return messages.get("webhooks.active");
        }
        String reason = endpoint.disabledReason() == null ? "" : endpoint.disabledReason();
        return messages.get("webhooks.disabled", reason);
    }

    public String events(List<String> events) {
        if (events == null) {
            return "";
        }
        return events.stream()
                .map(e -> switch (e) {
                    case COMPLETED -> messages.get("webhooks.event.completed");
                    case FAILED -> messages.get("webhooks.event.failed");
                    default -> e;
                })
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The HTTP status, or what went wrong when no answer came. */
    public String result(WebhookDeliveryView delivery) {
        if (delivery.statusCode() != null) {
            return messages.get("webhooks.answered", delivery.statusCode());
        }
        return messages.get("webhooks.noAnswer", delivery.error() == null ? "" : delivery.error());
    }

    public String when(OffsetDateTime at) {
        return at == null ? "" : WHEN.format(at.atZoneSameInstant(ZoneId.systemDefault()));
    }

    public ObservableList<WebhookView> endpoints() {
        return endpoints;
    }

    public ObservableList<WebhookDeliveryView> deliveries() {
        return deliveries;
    }

    public ActivityStatus status() {
        return status;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public BooleanProperty completedProperty() {
        return completed;
    }

    public BooleanProperty failedProperty() {
        return failed;
    }

    public ReadOnlyObjectProperty<CreatedWebhook> newSecretProperty() {
        return newSecret.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WebhookView> pendingDeleteProperty() {
        return pendingDelete.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WebhookView> shownDeliveriesProperty() {
        return shownDeliveries.getReadOnlyProperty();
    }
}
