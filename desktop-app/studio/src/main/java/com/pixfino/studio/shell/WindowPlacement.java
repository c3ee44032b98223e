package com.pixfino.studio.shell;

import com.pixfino.studio.core.settings.WindowBounds;
import javafx.beans.property.ObjectProperty;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Puts the window where it was last time and remembers where people move it. */
public final class WindowPlacement {

    private static final double DEFAULT_WIDTH = 1180;
    private static final double DEFAULT_HEIGHT = 760;

    private final ObjectProperty<WindowBounds> remembered;

    public WindowPlacement(ObjectProperty<WindowBounds> remembered) {
        this.remembered = remembered;
    }

    public void attach(Stage stage) {
        stage.setMinWidth(WindowBounds.MIN_WIDTH);
        stage.setMinHeight(WindowBounds.MIN_HEIGHT);
        WindowBounds bounds = remembered.get();
        if (bounds != null && isOnSomeScreen(bounds)) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
            stage.setWidth(bounds.width());
            stage.setHeight(bounds.height());
        } else {
            stage.setWidth(DEFAULT_WIDTH);
            stage.setHeight(DEFAULT_HEIGHT);
            stage.centerOnScreen();
        }
        stage.xProperty().addListener(obs -> remember(stage));
        stage.yProperty().addListener(obs -> remember(stage));
        stage.widthProperty().addListener(obs -> remember(stage));
        stage.heightProperty().addListener(obs -> remember(stage));
    }

    private void remember(Stage stage) {
        // A maximized or minimized window's bounds are not the ones to restore next time.
        if (stage.isMaximized() || stage.isIconified() || !stage.isShowing()) {
            return;
        }
        WindowBounds bounds = new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        if (bounds.isUsable()) {
            remembered.set(bounds);
        }
    }

    // A monitor that was unplugged since last time must not leave the window off-screen.
    private static boolean isOnSomeScreen(WindowBounds bounds) {
        return !Screen.getScreensForRectangle(bounds.x(), bounds.y(), bounds.width(), bounds.height())
                .isEmpty();
    }
}
