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

/** The inline "Suspend" / "Unsuspend" form: what it does, the reason, confirm (Enter) and Cancel (Escape). */
final class SuspendPane extends VBox {

    SuspendPane(Suspension form, UsersViewModel users, Messages messages) {
        super(8);
        setId("admin-suspend-panel");
        getStyleClass().add("admin-form");

        Label question = Texts.wrapping(new Label());
        question.setId("admin-suspend-question");
        question.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            AdminUserView user = form.userProperty().get();
                            if (user == null) {
                                return "";
                            }
                            return messages.get(
                                    form.suspending()
                                            ? "admin.users.suspend.question"
                                            : "admin.users.unsuspend.question",
                                    users.label(user),
                                    user.email());
                        },
                        form.userProperty()));

        Label reasonLabel = new Label(messages.get("admin.users.reason"));
        reasonLabel.setMinWidth(Region.USE_PREF_SIZE);
        TextField reason = new TextField();
        reason.setId("admin-suspend-reason");
        reason.textProperty().bindBidirectional(form.reasonProperty());
        reason.setOnAction(event -> form.confirm());
        reasonLabel.setLabelFor(reason);
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button confirm = new Button();
        confirm.setId("admin-suspend-confirm");
        confirm.setMinWidth(Region.USE_PREF_SIZE);
        confirm.disableProperty().bind(form.canConfirmProperty().not());
        confirm.setOnAction(event -> form.confirm());
        Button cancel = new Button(messages.get("admin.cancel"));
        cancel.setId("admin-suspend-cancel");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setOnAction(event -> form.cancel());
        form.userProperty().addListener((obs, was, now) -> {
            boolean suspend = form.suspending();
            confirm.setText(messages.get(suspend ? "admin.users.suspend.confirm" : "admin.users.unsuspend.confirm"));
            confirm.getStyleClass().removeAll(Styles.DANGER, Styles.ACCENT);
            confirm.getStyleClass().add(suspend ? Styles.DANGER : Styles.ACCENT);
            reason.setPromptText(
                    messages.get(suspend ? "admin.users.suspend.reasonPrompt" : "admin.users.unsuspend.reasonPrompt"));
            if (now != null) {
                reason.requestFocus();
            }
        });
        HBox row = new HBox(10, reasonLabel, reason, confirm, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        Label error = Texts.statusLine("admin-suspend-error", form.errorProperty(), "tone-error");

        getChildren().addAll(question, row, error);
        visibleProperty().bind(form.userProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                form.cancel();
                event.consume();
            }
        });
    }
}
