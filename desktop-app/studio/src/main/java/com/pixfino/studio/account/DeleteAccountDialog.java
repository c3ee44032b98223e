package com.pixfino.studio.account;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Texts;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;

/**
 * "Delete account": says what is lost, asks for the email (or DELETE) and the password, and offers Cancel as the
 * default. Deleting keeps the dialog open until the server answers; a refusal shows in it, success closes it.
 */
public final class DeleteAccountDialog extends Dialog<Void> {

    private final VBox content;

    public DeleteAccountDialog(DeleteAccountViewModel viewModel, Messages messages) {
        setTitle(messages.get("delete.title"));
        initModality(Modality.WINDOW_MODAL);
        getDialogPane().setId("delete-dialog");
        getDialogPane().getStyleClass().add("delete-dialog");
        setHeaderText(messages.get("delete.header", viewModel.email()));

        Label consequences = Texts.wrapping(new Label(messages.get("delete.text")));
        consequences.setId("delete-consequences");
        TextField confirmation = new TextField();
        confirmation.setId("delete-confirmation");
        confirmation.setPromptText(viewModel.email());
        confirmation.textProperty().bindBidirectional(viewModel.confirmationProperty());
        PasswordField password = new PasswordField();
        password.setId("delete-password");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        Label error = Texts.statusLine("delete-error", viewModel.errorProperty(), "delete-error");
        content = new VBox(
                12,
                consequences,
                field(messages.get("delete.confirmLabel", DeleteAccountViewModel.CONFIRM_WORD), confirmation),
                field(messages.get("delete.passwordLabel"), password),
                error);
        content.setPrefWidth(460);
        content.disableProperty().bind(viewModel.busyProperty());
        getDialogPane().setContent(content);

        ButtonType deleteType = new ButtonType(messages.get("delete.confirm"), ButtonBar.ButtonData.OTHER);
        getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, deleteType);
        Button delete = (Button) getDialogPane().lookupButton(deleteType);
        delete.setId("delete-confirm");
        delete.getStyleClass().add(Styles.DANGER);
        delete.setDefaultButton(false);
        delete.disableProperty().bind(viewModel.canDeleteProperty().not());
        // the answer comes later: keep the dialog open and let the view model decide
        delete.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            viewModel.delete();
        });
        Button cancel = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("delete-cancel");
        cancel.setText(messages.get("delete.cancel"));
        // Enter must not destroy: the safe choice is the default one.
        cancel.setDefaultButton(true);
        cancel.disableProperty().bind(viewModel.busyProperty());

        viewModel.deletedProperty().addListener((obs, was, gone) -> {
            if (gone) {
                close();
            }
        });
        getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        viewModel.passwordProperty().addListener((obs, was, now) -> {
            if (now.isEmpty() && isShowing()) {
                password.requestFocus();
            }
        });
        // wrapped text is measured late, a refusal adds lines, a theme changes fonts: after each layout, make
        // the window as tall as its content, or the buttons end up out of sight
        setOnShown(event -> {
            confirmation.requestFocus();
            getDialogPane().getScene().addPostLayoutPulseListener(this::fitWindow);
        });
    }

    // Measured at the width the content really got: wrapped lines count, which the window's own sizing misses.
    private void fitWindow() {
        Scene scene = getDialogPane().getScene();
        if (scene == null || scene.getWindow() == null) {
            return;
        }
        // the content may be squeezed, or laid out whole with the buttons pushed below the window's edge
        double missing = content.prefHeight(content.getWidth()) - content.getHeight();
        Node buttons = getDialogPane().lookup(".button-bar");
        if (buttons != null) {
            double bottom = buttons.localToScene(buttons.getBoundsInLocal()).getMaxY()
                    + getDialogPane().getInsets().getBottom();
            missing = Math.max(missing, bottom - scene.getHeight());
        }
        if (missing > 0.5) {
            scene.getWindow().setHeight(scene.getWindow().getHeight() + missing);
        }
    }

    private static VBox field(String label, Node input) {
        Label caption = new Label(label);
        caption.getStyleClass().add("field-label");
        caption.setLabelFor(input);
        return new VBox(4, caption, input);
    }
}
