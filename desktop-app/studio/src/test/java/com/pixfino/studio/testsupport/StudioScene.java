package com.pixfino.studio.testsupport;

import com.pixfino.studio.theme.ThemeMode;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.testfx.api.FxToolkit;

/** A view under test in a scene styled as the studio window is: the studio's stylesheet over the light theme. */
public final class StudioScene {

    private static final String STYLESHEET = Objects.requireNonNull(
                    StudioScene.class.getResource("/com/pixfino/studio/studio.css"))
            .toExternalForm();

    private StudioScene() {}

    /** {@code root} in a {@code width}×{@code height} scene with the studio's stylesheet. */
    public static Scene of(Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(STYLESHEET);
        return scene;
    }

    /**
     * Shows the view {@code create} makes on the FX thread in TestFX's primary stage, {@code width}×{@code height}, in
     * the light theme with the studio's stylesheet, and waits until it is shown.
     */
    public static void showInPrimaryStage(Supplier<? extends Parent> create, double width, double height)
            throws TimeoutException {
        FxToolkit.setupStage(primary -> {
            Application.setUserAgentStylesheet(ThemeMode.LIGHT.userAgentStylesheet());
            Scene scene = new Scene(create.get());
            scene.getStylesheets().add(STYLESHEET);
            primary.setScene(scene);
            primary.setWidth(width);
            primary.setHeight(height);
            primary.show();
        });
    }
}
