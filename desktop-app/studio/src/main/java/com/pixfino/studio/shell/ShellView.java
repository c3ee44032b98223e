package com.pixfino.studio.shell;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.Icons;
import com.pixfino.studio.ui.ScreenActions;
import com.pixfino.studio.ui.Texts;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The signed-in window: header, navigation, the offline notice, and the current screen. */
public final class ShellView extends BorderPane {

    private final ShellViewModel shell;
    private final Map<Screen, Node> screens = new EnumMap<>(Screen.class);
    private final StackPane content = new StackPane();

    public ShellView(ShellViewModel shell, Messages messages, Node header, NavigationBar navigation, Map<Screen, Node> views) {
        this.shell = shell;
        setId("shell");
        getStyleClass().add("shell");
        screens.putAll(views);
        content.getStyleClass().add("screen-host");
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox center = new VBox(offlineBanner(shell, messages), content);
        setTop(header);
        setLeft(navigation);
        setCenter(center);
        show(shell.screenProperty().get());
        shell.screenProperty().addListener((obs, was, now) -> show(now));
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
    }

    private void show(Screen screen) {
        Node view = screens.get(screen);
        content.getChildren().setAll(view);
        if (view instanceof ScreenActions target) {
            target.shown();
        }
    }

    private void shortcut(KeyEvent event) {
        if (event.isShortcutDown() && !event.isShiftDown()) {
            Screen target = switch (event.getCode()) {
                case DIGIT1, NUMPAD1 -> Screen.CREATE;
                case DIGIT2, NUMPAD2 -> Screen.QUEUE;
                case DIGIT3, NUMPAD3 -> Screen.GALLERY;
                case DIGIT4, NUMPAD4 -> Screen.ACCOUNT;
                default -> null;
            };
            if (target != null) {
                shell.show(target);
                event.consume();
                return;
            }
        }
        Node current = screens.get(shell.screenProperty().get());
        if (current instanceof ScreenActions target) {
            if (event.getCode() == KeyCode.F5) {
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
