package com.pixfino.studio.apikeys;

import atlantafx.base.theme.Styles;
import com.pixfino.model.api.apikeys.ApiKeyView;
import com.pixfino.model.api.apikeys.CreatedApiKey;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.ConfirmBar;
import com.pixfino.studio.ui.OneTimeSecretPanel;
import com.pixfino.studio.ui.TableColumns;
import com.pixfino.studio.ui.Texts;
import javafx.beans.binding.Bindings;
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

/** "API access": create a key (shown once, with Copy), the list of keys, and revoking one after a confirmation. */
public final class ApiKeysView extends VBox {

    private final ApiKeysViewModel viewModel;
    private final Messages messages;

    public ApiKeysView(ApiKeysViewModel viewModel, Messages messages) {
        super(12);
        this.viewModel = viewModel;
        this.messages = messages;
        setId("api-keys");
        setPadding(new javafx.geometry.Insets(14, 0, 0, 0));
        getStyleClass().add("api-keys");

        Label heading = new Label(messages.get("apiKeys.title"));
        heading.getStyleClass().add("section-label");
        Label hint = Texts.wrapping(new Label(messages.get("apiKeys.hint")));
        hint.getStyleClass().add("card-detail");

        Label status = Texts.statusLine("api-keys-status", viewModel.status());
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        Label empty = Texts.statusLine("api-keys-empty", viewModel.emptyNoticeProperty(), "card-detail");
        empty.visibleProperty().bind(empty.textProperty().isNotEmpty());
        empty.managedProperty().bind(empty.visibleProperty());

        TableView<ApiKeyView> table = table();
        getChildren().addAll(heading, hint, form(), status, newKeyPanel(), confirmPanel(), empty, table);
    }

    private HBox form() {
        Label label = new Label(messages.get("apiKeys.name"));
        label.setMinWidth(Region.USE_PREF_SIZE);
        TextField name = new TextField();
        name.setId("api-key-name");
        name.setPromptText(messages.get("apiKeys.namePrompt"));
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        name.setOnAction(event -> viewModel.create());
        label.setLabelFor(name);
        HBox.setHgrow(name, Priority.ALWAYS);
        CheckBox generate = new CheckBox(messages.get("apiKeys.generateScope"));
        generate.setId("api-key-generate");
        generate.selectedProperty().bindBidirectional(viewModel.generateProperty());
        generate.setMinWidth(Region.USE_PREF_SIZE);
        Button create = new Button(messages.get("apiKeys.create"));
        create.setId("api-key-create");
        create.getStyleClass().add(Styles.ACCENT);
        create.setMinWidth(Region.USE_PREF_SIZE);
        create.disableProperty().bind(viewModel.status().busyProperty());
        create.setOnAction(event -> viewModel.create());
        HBox row = new HBox(10, label, name, generate, create);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The new key, once: a read-only field to select from, Copy, and the warning. */
    private VBox newKeyPanel() {
        return OneTimeSecretPanel.of(
                messages,
                "api-new-key",
                messages.get("apiKeys.newKeyTitle"),
                messages.get("apiKeys.newKeyWarning"),
                Bindings.createStringBinding(
                        () -> {
                            CreatedApiKey key = viewModel.newKeyProperty().get();
                            return key == null ? "" : key.key();
                        },
                        viewModel.newKeyProperty()),
                viewModel::leave);
    }

    private HBox confirmPanel() {
        return ConfirmBar.of(
                "api-revoke",
                Bindings.createStringBinding(
                        () -> {
                            ApiKeyView key = viewModel.pendingRevokeProperty().get();
                            return key == null
                                    ? ""
                                    : messages.get("apiKeys.revokeConfirm", key.name(), viewModel.prefix(key));
                        },
                        viewModel.pendingRevokeProperty()),
                messages.get("apiKeys.revokeYes"),
                viewModel::confirmRevoke,
                messages.get("apiKeys.revokeNo"),
                viewModel::cancelRevoke);
    }

    private TableView<ApiKeyView> table() {
        TableView<ApiKeyView> table = new TableView<>(viewModel.keys());
        table.setId("api-keys-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(""));
        table.setPrefHeight(200);
        table.setMinHeight(150);
        // dates keep their whole text; the revoke column takes what is left
        table.getColumns().add(TableColumns.text(messages.get("apiKeys.column.name"), ApiKeyView::name, 160));
        table.getColumns().add(TableColumns.text(messages.get("apiKeys.column.prefix"), viewModel::prefix, 130));
        table.getColumns()
                .add(TableColumns.text(messages.get("apiKeys.column.scopes"), k -> viewModel.scopes(k.scopes()), 130));
        table.getColumns()
                .add(TableColumns.text(
                        messages.get("apiKeys.column.created"), k -> viewModel.when(k.createdAt()), 190));
        table.getColumns()
                .add(TableColumns.text(
                        messages.get("apiKeys.column.lastUsed"), k -> viewModel.when(k.lastUsedAt()), 190));
        TableColumn<ApiKeyView, ApiKeyView> revoke = new TableColumn<>("");
        revoke.setSortable(false);
        revoke.setMinWidth(110);
        revoke.setCellValueFactory(cell -> new javafx.beans.property.SimpleObjectProperty<>(cell.getValue()));
        revoke.setCellFactory(column -> new TableCell<>() {
            private final Button button = new Button(messages.get("apiKeys.revoke"));

            {
                button.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED, Styles.SMALL, "api-key-revoke");
                button.setOnAction(event -> viewModel.askRevoke(getItem()));
            }

            @Override
            protected void updateItem(ApiKeyView key, boolean empty) {
                super.updateItem(key, empty);
                setGraphic(empty || key == null ? null : button);
            }
        });
        table.getColumns().add(revoke);
        return table;
    }
}
