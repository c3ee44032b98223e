package com.pixfino.studio.admin.growth;

import com.pixfino.studio.ui.Texts;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A form field as the growth screen lays it out: its label above, its inline error (if it has its own) below. */
final class FormFields {

    private FormFields() {}

    static VBox field(String id, String label, Node control, ObservableValue<String> error) {
        Label name = new Label(label);
        name.getStyleClass().add("field-label");
        if (control instanceof javafx.scene.control.Control input) {
            name.setLabelFor(input);
        }
        VBox box = new VBox(4, name, control);
        if (error != null) {
            Label problem = Texts.statusLine(id + "-error", error, "field-error", "tone-error");
            problem.setMaxWidth(260);
            box.getChildren().add(problem);
        }
        box.getStyleClass().add("growth-field");
        return box;
    }
}
