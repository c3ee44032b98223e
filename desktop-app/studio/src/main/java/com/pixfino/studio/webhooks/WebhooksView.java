package com.pixfino.studio.webhooks;

import atlantafx.base.theme.Styles;
import com.pixfino.model.api.webhooks.CreatedWebhook;
import com.pixfino.model.api.webhooks.WebhookDeliveryView;
import com.pixfino.model.api.webhooks.WebhookView;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.ConfirmBar;
import com.pixfino.studio.ui.OneTimeSecretPanel;
import com.pixfino.studio.ui.TableColumns;
import com.pixfino.studio.ui.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The webhooks under the API keys: add (secret once, with Copy), the endpoints, delete, test and deliveries. */
public final class WebhooksView extends VBox {

    private final WebhooksViewModel viewModel;
    private final Messages messages;

    public WebhooksView(WebhooksViewModel viewModel, Messages messages) {
        super(12);
        this.viewModel = viewModel;
        this.messages = messages;
        setId("webhooks");
        setPadding(new Insets(18, 0, 0, 0));
        getStyleClass().add("webhooks");

        Label heading = new Label(messages.get("webhooks.title"));
        heading.getStyleClass().add("section-label");
        Label hint = Texts.wrapping(new Label(messages.get("webhooks.hint")));
        hint.getStyleClass().add("card-detail");
        Label status = Texts.statusLine("webhooks-status", viewModel.status());
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        Label deliveriesTitle = new Label();
        deliveriesTitle.getStyleClass().add("section-label");
        deliveriesTitle
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> viewModel.shownDeliveriesProperty().get() == null
                                ? ""
                                : messages.get(
                                        "webhooks.deliveriesOf",
                                        viewModel
                                                .shownDeliveriesProperty()
                                                .get()
                                                .url()),
                        viewModel.shownDeliveriesProperty()));
        TableView<WebhookDeliveryView> deliveries = deliveriesTable();
        VBox deliveriesBox = new VBox(8, deliveriesTitle, deliveries);
        deliveriesBox.visibleProperty().bind(viewModel.shownDeliveriesProperty().isNotNull());
        deliveriesBox.managedProperty().bind(deliveriesBox.visibleProperty());

        getChildren()
                .addAll(heading, hint, form(), status, secretPanel(), confirmPanel(), endpointsTable(), deliveriesBox);
    }

    private HBox form() {
        Label label = new Label(messages.get("webhooks.url"));
        label.setMinWidth(Region.USE_PREF_SIZE);
        TextField url = new TextField();
        url.setId("webhook-url");
        url.setPromptText(messages.get("webhooks.urlPrompt"));
        url.textProperty().bindBidirectional(viewModel.urlProperty());
        url.setOnAction(event -> viewModel.create());
        label.setLabelFor(url);
        HBox.setHgrow(url, Priority.ALWAYS);
        CheckBox completed = new CheckBox(messages.get("webhooks.event.completed"));
        completed.setId("webhook-event-completed");
        completed.selectedProperty().bindBidirectional(viewModel.completedProperty());
        completed.setMinWidth(Region.USE_PREF_SIZE);
        CheckBox failed = new CheckBox(messages.get("webhooks.event.failed"));
        failed.setId("webhook-event-failed");
        failed.selectedProperty().bindBidirectional(viewModel.failedProperty());
        failed.setMinWidth(Region.USE_PREF_SIZE);
        Button add = new Button(messages.get("webhooks.add"));
        add.setId("webhook-add");
        add.getStyleClass().add(Styles.ACCENT);
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.disableProperty().bind(viewModel.status().busyProperty());
        add.setOnAction(event -> viewModel.create());
        HBox row = new HBox(10, label, url, completed, failed, add);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private VBox secretPanel() {
        return OneTimeSecretPanel.of(
                messages,
                "webhook-secret",
                messages.get("webhooks.secretTitle"),
                messages.get("webhooks.secretWarning"),
                Bindings.createStringBinding(
                        () -> {
                            CreatedWebhook created =
                                    viewModel.newSecretProperty().get();
                            return created == null ? "" : created.secret();
                        },
                        viewModel.newSecretProperty()),
                viewModel::leave);
    }

    private HBox confirmPanel() {
        return ConfirmBar.of(
                "webhook-delete",
                Bindings.createStringBinding(
                        () -> {
                            WebhookView endpoint =
                                    viewModel.pendingDeleteProperty().get();
                            return endpoint == null ? "" : messages.get("webhooks.deleteConfirm", endpoint.url());
                        },
                        viewModel.pendingDeleteProperty()),
                messages.get("webhooks.deleteYes"),
                viewModel::confirmDelete,
                messages.get("webhooks.deleteNo"),
                viewModel::cancelDelete);
    }

    private TableView<WebhookView> endpointsTable() {
        TableView<WebhookView> table = new TableView<>(viewModel.endpoints());
        table.setId("webhooks-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label(""));
        table.setPrefHeight(170);
        table.setMinHeight(140);
        table.getColumns().add(TableColumns.text(messages.get("webhooks.column.url"), WebhookView::url, 240));
        table.getColumns()
                .add(TableColumns.text(messages.get("webhooks.column.events"), w -> viewModel.events(w.events()), 150));
        // a disabled endpoint's reason is read in full: the cell wraps and the row grows
        TableColumn<WebhookView, String> state =
                TableColumns.text(messages.get("webhooks.column.state"), viewModel::state, 260);
        state.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                if (empty || text == null) {
                    setGraphic(null);
                    return;
                }
                Label label = Texts.wrapping(new Label(text));
                label.getStyleClass().add(text.equals(messages.get("webhooks.active")) ? "tone-success" : "tone-error");
                label.setMaxWidth(Double.MAX_VALUE);
                setGraphic(label);
                setText(null);
            }
        });
        table.getColumns().add(state);
        TableColumn<WebhookView, WebhookView> actions = new TableColumn<>("");
        actions.setSortable(false);
        actions.setMinWidth(240);
        actions.setCellValueFactory(cell -> new SimpleObjectProperty<>(cell.getValue()));
        actions.setCellFactory(column -> new TableCell<>() {
            private final Button test = small(messages.get("webhooks.test"), "webhook-test");
            private final Button show = small(messages.get("webhooks.showDeliveries"), "webhook-deliveries");
            private final Button delete = small(messages.get("webhooks.delete"), "webhook-delete");
            private final HBox buttons = new HBox(6, test, show, delete);

            {
                delete.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
                test.setOnAction(event -> viewModel.ping(getItem()));
                show.setOnAction(event -> viewModel.showDeliveries(getItem()));
                delete.setOnAction(event -> viewModel.askDelete(getItem()));
            }

            @Override
            protected void updateItem(WebhookView endpoint, boolean empty) {
                super.updateItem(endpoint, empty);
                setGraphic(empty || endpoint == null ? null : buttons);
            }
        });
        table.getColumns().add(actions);
        return table;
    }

    private static Button small(String text, String styleClass) {
        Button button = new Button(text);
        button.getStyleClass().addAll(Styles.SMALL, styleClass);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    private TableView<WebhookDeliveryView> deliveriesTable() {
        TableView<WebhookDeliveryView> table = new TableView<>(viewModel.deliveries());
        table.setId("webhook-deliveries-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(messages.get("webhooks.noDeliveries")));
        table.setPrefHeight(170);
        table.setMinHeight(120);
        table.getColumns()
                .add(TableColumns.text(
                        messages.get("webhooks.column.when"), d -> viewModel.when(d.attemptedAt()), 200));
        table.getColumns()
                .add(TableColumns.text(messages.get("webhooks.column.event"), WebhookDeliveryView::event, 170));
        table.getColumns()
                .add(TableColumns.text(
                        messages.get("webhooks.column.attempt"), d -> Integer.toString(d.attempt()), 80));
        table.getColumns()
                .add(TableColumns.text(messages.get("webhooks.column.webhookId"), WebhookDeliveryView::webhookId, 180));
        table.getColumns().add(TableColumns.text(messages.get("webhooks.column.result"), viewModel::result, 160));
        return table;
    }
}
