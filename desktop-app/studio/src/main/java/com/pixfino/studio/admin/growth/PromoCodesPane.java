package com.pixfino.studio.admin.growth;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.admin.PromoCode;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.ConfirmBar;
import com.pixfino.studio.ui.TableColumns;
import com.pixfino.studio.ui.Texts;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Promo codes: the "New promo code" form, the list with redemptions and window, and Expire with its confirmation. */
final class PromoCodesPane extends VBox {

    private final PromoCodesViewModel viewModel;
    private final Messages messages;

    PromoCodesPane(PromoCodesViewModel viewModel, Messages messages, String zoneName) {
        super(12);
        this.viewModel = viewModel;
        this.messages = messages;
        setId("admin-growth-codes");
        Label heading = new Label(messages.get("admin.growth.codes.title"));
        heading.getStyleClass().add(Styles.TITLE_4);
        Label hint = Texts.wrapping(new Label(messages.get("admin.growth.codes.hint")));
        hint.getStyleClass().add("card-detail");

        TableView<PromoCode> table = table();
        Button expire = new Button(messages.get("admin.growth.expire"));
        expire.setId("admin-growth-expire");
        expire.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        expire.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> {
                            PromoCode selected = table.getSelectionModel().getSelectedItem();
                            return selected == null || !selected.status().isLive();
                        },
                        table.getSelectionModel().selectedItemProperty(),
                        viewModel.codes()));
        expire.setOnAction(
                event -> viewModel.askExpire(table.getSelectionModel().getSelectedItem()));
        Label expireHint = Texts.wrapping(new Label(messages.get("admin.growth.expireHint")));
        expireHint.getStyleClass().add("card-detail");
        HBox actions = new HBox(12, expire, expireHint);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox confirm = ConfirmBar.of(
                "admin-growth-expire",
                viewModel.expireQuestion(),
                messages.get("admin.growth.expireConfirm"),
                viewModel::confirmExpire,
                messages.get("admin.cancel"),
                viewModel::cancelExpire);

        getChildren().addAll(heading, hint, form(zoneName), actions, confirm, table);
    }

    private VBox form(String zoneName) {
        PromoCodeForm form = viewModel.form();
        Label title = new Label(messages.get("admin.growth.new"));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        TextField code = new TextField();
        code.setId("admin-growth-code");
        code.setPromptText(messages.get("admin.growth.code.prompt"));
        code.setPrefColumnCount(14);
        code.textProperty().bindBidirectional(form.codeProperty());
        code.setOnAction(event -> viewModel.create());
        TextField credits = number("admin-growth-credits", form.creditsProperty());
        TextField max = number("admin-growth-max", form.maxRedemptionsProperty());
        max.setPrefColumnCount(8);
        Button create = new Button(messages.get("admin.growth.create"));
        create.setId("admin-growth-create");
        create.getStyleClass().add(Styles.ACCENT);
        create.setMinWidth(Region.USE_PREF_SIZE);
        create.disableProperty().bind(viewModel.creatingProperty());
        create.setOnAction(event -> viewModel.create());

        FlowPane what = new FlowPane(
                16,
                6,
                FormFields.field(
                        "admin-growth-code", messages.get("admin.growth.code.label"), code, form.codeErrorProperty()),
                FormFields.field(
                        "admin-growth-credits",
                        messages.get("admin.growth.credits.label"),
                        credits,
                        form.creditsErrorProperty()),
                FormFields.field(
                        "admin-growth-max", messages.get("admin.growth.max.label"), max, form.maxErrorProperty()));
        MomentPicker from = new MomentPicker("admin-growth-from", form.from(), messages.get("admin.growth.from"));
        MomentPicker to = new MomentPicker("admin-growth-to", form.to(), messages.get("admin.growth.to"));
        VBox fromField = FormFields.field("admin-growth-from", messages.get("admin.growth.from"), from, null);
        VBox toField = FormFields.field("admin-growth-to", messages.get("admin.growth.to"), to, null);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox when = new HBox(16, fromField, toField, spacer, create);
        when.setAlignment(Pos.BOTTOM_LEFT);
        Label windowError =
                Texts.statusLine("admin-growth-window-error", form.windowErrorProperty(), "field-error", "tone-error");
        Label zone = Texts.wrapping(new Label(messages.get("admin.growth.zone", zoneName)));
        zone.getStyleClass().add("card-detail");

        Label created = Texts.statusLine("admin-growth-created", viewModel.createdProperty(), "tone-success");
        VBox box = new VBox(8, title, what, when, windowError, created, zone);
        box.setId("admin-growth-form");
        box.getStyleClass().add("admin-form");
        return box;
    }

    private static TextField number(String id, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(6);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private TableView<PromoCode> table() {
        TableView<PromoCode> table = new TableView<>(viewModel.codes());
        table.setId("admin-growth-table");
        table.getStyleClass().addAll(Styles.STRIPED, "admin-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(messages.get("admin.growth.codes.none")));
        table.setPrefHeight(300);
        TableColumn<PromoCode, String> code =
                TableColumns.text(messages.get("admin.growth.col.code"), PromoCode::code, 120);
        code.getStyleClass().add("promo-code-column");
        TableColumn<PromoCode, String> credits =
                TableColumns.text(messages.get("admin.growth.col.credits"), c -> Integer.toString(c.credits()), 70);
        credits.getStyleClass().add("number-column");
        TableColumn<PromoCode, String> used =
                TableColumns.text(messages.get("admin.growth.col.redemptions"), viewModel::redemptionsText, 100);
        used.getStyleClass().add("number-column");
        TableColumn<PromoCode, String> status =
                TableColumns.text(messages.get("admin.growth.col.status"), viewModel::statusText, 90);
        status.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().removeIf(styleClass -> styleClass.startsWith("promo-status-"));
                PromoCode row =
                        empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row != null) {
                    getStyleClass().add("promo-status-" + row.status().name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        });
        TableColumn<PromoCode, String> window =
                TableColumns.text(messages.get("admin.growth.col.window"), viewModel::windowText, 300);
        TableColumn<PromoCode, String> created =
                TableColumns.text(messages.get("admin.growth.col.created"), viewModel::createdText, 150);
        table.getColumns().addAll(java.util.List.of(code, status, used, credits, window, created));
        return table;
    }
}
