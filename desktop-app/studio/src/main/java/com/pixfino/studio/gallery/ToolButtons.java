package com.pixfino.studio.gallery;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/** The viewer's and the comparison's tool-bar buttons: an id, a word, a tip and what pressing does. */
final class ToolButtons {

    private ToolButtons() {}

    static Button button(String id, String text, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(event -> action.run());
        return button;
    }
}
