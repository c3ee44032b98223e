package com.pixfino.studio.ui;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** What a screen shows when it has nothing yet: an icon, a sentence, and what to do about it. */
public final class EmptyState extends VBox {

    public EmptyState(String id, Icons icon, String title, String hint) {
        setId(id);
        getStyleClass().add("empty-state");
        Label heading = new Label(title);
        heading.getStyleClass().addAll(Styles.TITLE_4, "empty-title");
        Label text = new Label(hint);
        text.getStyleClass().add("empty-hint");
        Texts.wrapping(text);
        getChildren().addAll(icon.create(56), heading, text);
    }
}
