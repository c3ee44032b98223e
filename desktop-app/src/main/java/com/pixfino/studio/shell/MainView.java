package com.pixfino.studio.shell;

import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The window's layout: header on top, the feature panels below. */
public final class MainView extends BorderPane {

    public MainView(Node header, Node... panels) {
        setId("studio-root");
        getStyleClass().add("studio-root");
        VBox content = new VBox(panels);
        content.getStyleClass().add("studio-content");
        setTop(header);
        setCenter(content);
    }
}
