package com.pixfino.studio.shell;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Icons;
import com.pixfino.studio.ui.ScreenActions;
import com.pixfino.studio.ui.Texts;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The signed-in window: header, navigation, the offline notice and features' banners, and the current screen. */
public final class ShellView extends BorderPane {

    private final ShellViewModel shell;
    private final Map<ScreenDescriptor, Node> views = new HashMap<>();
    private final StackPane content = new StackPane();

    /** {@code banners}: features' notices shown under the offline one, above every screen (the low-credit alert). */
    public ShellView(ShellViewModel shell, Messages messages, Node header, NavigationBar navigation, Node... banners) {
        this.shell = shell;
        setId("shell");
        getStyleClass().add("shell");
        content.getStyleClass().add("screen-host");
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox center = new VBox(offlineBanner(shell, messages));
        center.getChildren().addAll(banners);
        center.getChildren().add(content);
        setTop(header);
        setLeft(navigation);
        setCenter(center);
        show(shell.screenProperty().get());
        shell.screenProperty().addListener((obs, was, now) -> show(now));
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
    }

    // Views are built the first time their screen shows: a screen the account never opens costs nothing.
    private void show(ScreenDescriptor screen) {
        if (screen == null) {
            content.getChildren().clear(); // signed out
            return;
        }
        Node view = views.computeIfAbsent(screen, ScreenDescriptor::createView);
        content.getChildren().setAll(view);
        if (view instanceof ScreenActions target) {
            target.shown();
        }
    }

    private void shortcut(KeyEvent event) {
        for (ScreenDescriptor screen : shell.visibleScreens()) {
            if (screen.shortcut().match(event)) {
                shell.show(screen);
                event.consume();
                return;
            }
        }
        Node current = views.get(shell.screenProperty().get());
        if (current instanceof ScreenActions target) {
            if (shell.registry().refreshKey().match(event)) {
                target.refresh();
                event.consume();
            } else if (target.shortcut(event)) {
                event.consume();
            }
        }
    }

    private static HBox offlineBanner(ShellViewModel shell, Messages messages) {
        Label text = new Label();
        text.setId("offline-message");
        text.textProperty().bind(shell.offlineTextProperty());
        Texts.wrapping(text);
        text.getStyleClass().add("banner-text");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button retry = new Button(messages.get("shell.reconnect"));
        retry.setId("offline-retry");
        retry.getStyleClass().add(Styles.SMALL);
        retry.setOnAction(event -> shell.reconnect());
        HBox banner = new HBox(10, Icons.OFFLINE.create(22), text, spacer, retry);
        banner.setId("offline-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("offline-banner");
        banner.visibleProperty().bind(shell.offlineProperty());
        banner.managedProperty().bind(shell.offlineProperty());
        return banner;
    }
}
