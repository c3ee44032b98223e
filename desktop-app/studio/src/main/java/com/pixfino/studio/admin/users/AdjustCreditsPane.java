package com.pixfino.studio.admin.users;

import atlantafx.base.theme.Styles;
import com.pixfino.model.api.AdminUserView;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Texts;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The inline "Adjust credits" form: amount, reason, the balance it leads to, Save (Enter) and Cancel (Escape). */
final class AdjustCreditsPane extends VBox {

    private final TextField amount = new TextField();

    AdjustCreditsPane(CreditAdjustment form, UsersViewModel users, Messages messages) {
        super(8);
        setId("admin-adjust-panel");
        getStyleClass().add("admin-form");

        Label heading = new Label();
        heading.setId("admin-adjust-title");
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        heading.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            AdminUserView user = form.userProperty().get();
                            return user == null
                                    ? ""
                                    : messages.get("admin.users.adjust.title", users.label(user), user.email());
                        },
                        form.userProperty()));

        Label amountLabel = new Label(messages.get("admin.users.adjust.amount"));
        amountLabel.setMinWidth(Region.USE_PREF_SIZE);
        amount.setId("admin-adjust-amount");
        amount.setPromptText(messages.get("admin.users.adjust.amountPrompt"));
        amount.setPrefColumnCount(8);
        amount.textProperty().bindBidirectional(form.amountProperty());
        amount.setOnAction(event -> form.save());
        amountLabel.setLabelFor(amount);
        Label reasonLabel = new Label(messages.get("admin.users.reason"));
        reasonLabel.setMinWidth(Region.USE_PREF_SIZE);
        TextField reason = new TextField();
        reason.setId("admin-adjust-reason");
        reason.setPromptText(messages.get("admin.users.adjust.reasonPrompt"));
        reason.textProperty().bindBidirectional(form.reasonProperty());
        reason.setOnAction(event -> form.save());
        reasonLabel.setLabelFor(reason);
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button save = new Button(messages.get("admin.users.adjust.save"));
        save.setId("admin-adjust-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.disableProperty().bind(form.canSaveProperty().not());
        save.setOnAction(event -> form.save());
        Button cancel = new Button(messages.get("admin.cancel"));
        cancel.setId("admin-adjust-cancel");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setOnAction(event -> form.cancel());
        HBox row = new HBox(10, amountLabel, amount, reasonLabel, reason, save, cancel);
        row.setAlignment(Pos.CENTER_LEFT);

        Label preview = Texts.statusLine("admin-adjust-preview", form.previewProperty(), "admin-preview");
        // the preview turns red when the change would take the balance below zero
        form.previewProperty()
                .addListener((obs, was, now) -> preview.pseudoClassStateChanged(
                        javafx.css.PseudoClass.getPseudoClass("refused"), form.belowZero()));
        Label error = Texts.statusLine("admin-adjust-error", form.errorProperty(), "tone-error");

        getChildren().addAll(heading, row, preview, error);
        visibleProperty().bind(form.userProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                form.cancel();
                event.consume();
            }
        });
        form.userProperty().addListener((obs, was, now) -> {
            if (now != null) {
                amount.requestFocus();
            }
        });
    }
}
