package com.pixfino.studio.testsupport;

import com.pixfino.studio.theme.ThemeMode;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Screenshots of a scene in both themes, for view tests that build their own scene (no studio window). */
public final class ThemeShots {

    private ThemeShots() {}

    /** {@code content} on the studio window's background, which the themes colour (a bare scene stays white). */
    public static Parent root(Node content) {
        StackPane root = new StackPane(content);
        root.getStyleClass().add("studio-root");
        return root;
    }

    /** {@code name}-light.png and {@code name}-dark.png, then back to light (the theme the tests run in). */
    public static void save(FxRobot robot, Scene scene, String name) {
        for (ThemeMode theme : ThemeMode.values()) {
            robot.interact(() -> Application.setUserAgentStylesheet(theme.userAgentStylesheet()));
            WaitForAsyncUtils.waitForFxEvents(6);
            Screenshots.save(scene, name + "-" + theme.name().toLowerCase(Locale.ROOT));
        }
        robot.interact(() -> Application.setUserAgentStylesheet(ThemeMode.LIGHT.userAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents(6);
    }
}
