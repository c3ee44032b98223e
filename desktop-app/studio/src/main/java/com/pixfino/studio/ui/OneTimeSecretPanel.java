package com.pixfino.studio.ui;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.i18n.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A secret the server shows only once (a new API key, a webhook's signing secret): the warning, a read-only field to
 * select from, Copy with "Copied", and Done. Shown while {@code secret} holds text. Node ids are {@code id} and
 * {@code id-warning}, {@code id-value}, {@code id-copy}, {@code id-copied}, {@code id-done}.
 */
public final class OneTimeSecretPanel {

    private OneTimeSecretPanel() {}

    public static VBox of(
            Messages messages, String id, String title, String warning, ObservableStringValue secret, Runnable done) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        Label warningLabel = Texts.wrapping(new Label(warning));
        warningLabel.setId(id + "-warning");
        TextField value = new TextField();
        value.setId(id + "-value");
        value.setEditable(false);
        value.getStyleClass().add("api-new-key-value");
        value.textProperty()
                .bind(Bindings.when(Bindings.isNull(secret)).then("").otherwise(secret));
        HBox.setHgrow(value, Priority.ALWAYS);
        Label copied = new Label();
        copied.setId(id + "-copied");
        copied.getStyleClass().add("tone-success");
        copied.setMinWidth(Region.USE_PREF_SIZE);
        Button copy = new Button(messages.get("apiKeys.copy"));
        copy.setId(id + "-copy");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(value.getText());
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText(messages.get("apiKeys.copied"));
        });
        Button doneButton = new Button(messages.get("apiKeys.done"));
        doneButton.setId(id + "-done");
        doneButton.setMinWidth(Region.USE_PREF_SIZE);
        doneButton.setOnAction(event -> done.run());
        HBox row = new HBox(10, value, copy, copied, doneButton);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox panel = new VBox(8, heading, warningLabel, row);
        panel.setId(id);
        panel.getStyleClass().add("api-new-key");
        panel.visibleProperty().bind(Bindings.isNotEmpty(secret));
        panel.managedProperty().bind(panel.visibleProperty());
        secret.addListener((obs, was, now) -> copied.setText(""));
        return panel;
    }
}
