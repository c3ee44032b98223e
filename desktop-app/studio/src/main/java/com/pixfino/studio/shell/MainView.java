package com.pixfino.studio.shell;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/** The window's content: the sign-in screen until someone is signed in, then the studio itself. */
public final class MainView extends BorderPane {

    public MainView(Node header, Node signIn, Node shell, ObservableBooleanValue signedIn) {
        setId("studio-root");
        getStyleClass().add("studio-root");
        StackPane body = new StackPane();
        body.getStyleClass().add("studio-body");
        setCenter(body);
        Runnable update = () -> {
            boolean in = signedIn.get();
            setTop(in ? null : header); // the shell has its own, richer header
            body.getChildren().setAll(in ? shell : signIn);
        };
        update.run();
        signedIn.addListener((obs, was, now) -> update.run());
    }
}
