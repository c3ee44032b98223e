package com.pixfino.studio.ui;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The top of every screen: a title, one line saying what the screen is for, and the screen's actions. */
public final class ScreenTitle extends HBox {

    /** {@code screen} names the ids: {@code <screen>-title} and {@code <screen>-subtitle}. */
    public ScreenTitle(String screen, String title, ObservableValue<String> subtitle, Node... actions) {
        getStyleClass().add("screen-title");
        Label heading = new Label(title);
        heading.setId(screen + "-title");
        heading.getStyleClass().addAll(Styles.TITLE_3, "screen-heading");
        Label line = new Label();
        line.setId(screen + "-subtitle");
        line.textProperty().bind(subtitle);
        line.getStyleClass().add("screen-subtitle");
        VBox text = new VBox(2, heading, line);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(text, spacer);
        getChildren().addAll(actions);
    }
}
