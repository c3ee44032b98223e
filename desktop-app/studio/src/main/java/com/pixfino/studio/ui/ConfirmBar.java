package com.pixfino.studio.ui;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * An inline "are you sure?" for a destructive action: the question, a red Yes and a No. Shown while {@code question}
 * holds text. Node ids are {@code id-panel}, {@code id-question}, {@code id-confirm} and {@code id-cancel}.
 */
public final class ConfirmBar {

    private ConfirmBar() {}

    public static HBox of(
            String id, ObservableStringValue question, String yes, Runnable onYes, String no, Runnable onNo) {
        Label questionLabel = Texts.wrapping(new Label());
        questionLabel.setId(id + "-question");
        questionLabel.textProperty().bind(question);
        questionLabel.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(questionLabel, Priority.ALWAYS);
        Button yesButton = new Button(yes);
        yesButton.setId(id + "-confirm");
        yesButton.getStyleClass().add(Styles.DANGER);
        yesButton.setMinWidth(Region.USE_PREF_SIZE);
        yesButton.setOnAction(event -> onYes.run());
        Button noButton = new Button(no);
        noButton.setId(id + "-cancel");
        noButton.setMinWidth(Region.USE_PREF_SIZE);
        noButton.setOnAction(event -> onNo.run());
        HBox panel = new HBox(10, questionLabel, yesButton, noButton);
        panel.setId(id + "-panel");
        panel.setAlignment(Pos.CENTER_LEFT);
        panel.getStyleClass().add("api-confirm");
        panel.visibleProperty().bind(Bindings.isNotEmpty(question));
        panel.managedProperty().bind(panel.visibleProperty());
        return panel;
    }
}
