package com.pixfino.studio.shell;

import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/** The window's content: the sign-in screen until someone is signed in, then the studio itself. */
public final class MainView extends BorderPane {

    private final Supplier<? extends Node> shellFactory;
    private Node shell;

    /**
     * {@code shell}: makes the signed-in studio the first time someone signs in, so a start at the sign-in screen
     * does not build (and style) the screens behind it before its first frame.
     */
    public MainView(Node header, Node signIn, Supplier<? extends Node> shell, ObservableBooleanValue signedIn) {
        this.shellFactory = shell;
        setId("studio-root");
        getStyleClass().add("studio-root");
        StackPane body = new StackPane();
        body.getStyleClass().add("studio-body");
        setCenter(body);
        Runnable update = () -> {
            boolean in = signedIn.get();
            setTop(in ? null : header); // the shell has its own, richer header
            body.getChildren().setAll(in ? shell() : signIn);
        };
        update.run();
        signedIn.addListener((obs, was, now) -> update.run());
    }

    private Node shell() {
        if (shell == null) {
            shell = shellFactory.get();
        }
        return shell;
    }
}
