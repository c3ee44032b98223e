package com.pixfino.studio.app;

import com.pixfino.studio.core.concurrent.NamedThreads;
import com.pixfino.studio.shell.AppIcons;
import com.pixfino.studio.shell.WindowPlacement;
import com.pixfino.studio.theme.ThemeApplier;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: shows the main window over a {@link StudioContext}. */
public final class StudioApp extends Application {

    private static final String STYLESHEET = "/com/pixfino/studio/studio.css";

    private StudioContext context;

    /** Used by {@link Application#launch}; the context is then built in {@link #init()}. */
    public StudioApp() {}

    public StudioApp(StudioContext context) {
        this.context = context;
    }

    @Override
    public void init() {
        if (context == null) {
            context = new StudioContext(StudioEnvironment.fromSystem());
        }
    }

    @Override
    public void start(Stage stage) {
        context.useHostServices(getHostServices());
        new ThemeApplier(context.settings().themeProperty()).start();
        Scene scene = new Scene(context.createMainView());
        scene.getStylesheets()
                .add(Objects.requireNonNull(StudioApp.class.getResource(STYLESHEET))
                        .toExternalForm());
        stage.setTitle(context.messages().get("app.title"));
        stage.getIcons().setAll(AppIcons.all());
        stage.setScene(scene);
        // After the scene: a new scene on a shown stage would otherwise size the window to itself.
        new WindowPlacement(context.settings().windowProperty()).attach(stage);
        stage.show();
        if (FirstFrameMarker.enabled()) {
            FirstFrameMarker.attach(scene);
        }
        context.connection().connectOnStart();
    }

    @Override
    public void stop() {
        // Closing waits for the last settings write and the local server's graceful stop: not on the FX thread.
        // A non-daemon thread keeps the JVM alive until it is done.
        NamedThreads.unstarted("studio-shutdown", context::close).start();
    }
}
