package com.pixfino.studio.app;

import com.pixfino.studio.core.concurrent.NamedThreads;
import com.pixfino.studio.shell.AppIcons;
import com.pixfino.studio.shell.WindowPlacement;
import com.pixfino.studio.theme.ThemeApplier;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: shows the main window over a {@link StudioContext}. */
public final class StudioApp extends Application {

    private static final String STYLESHEET = "/com/pixfino/studio/studio.css";

    /** The context started by {@link #prepareContext()}, taken by the first {@link #init()}. */
    private static final AtomicReference<CompletableFuture<StudioContext>> PREPARED = new AtomicReference<>();

    private StudioContext context;

    /**
     * Starts building the studio's context (settings, caches, clients) on its own thread, so that it runs while
     * JavaFX starts its toolkit instead of after it: the launcher calls this just before {@link Application#launch}.
     * The two take about as long; on two cores the window shows some 300 ms sooner (bench/cold-start). So nothing
     * that {@link StudioContext}'s constructor runs may hand work to the FX thread (no {@code Platform.runLater}, no
     * background task whose result could arrive before the toolkit is up): views and tasks start in {@link #start}.
     */
    public static void prepareContext() {
        CompletableFuture<StudioContext> future = new CompletableFuture<>();
        if (PREPARED.compareAndSet(null, future)) {
            NamedThreads.unstarted("studio-context", () -> {
                        try {
                            future.complete(new StudioContext(StudioEnvironment.fromSystem()));
                        } catch (RuntimeException | Error e) {
                            future.completeExceptionally(e);
                        }
                    })
                    .start();
        }
    }

    /** Used by {@link Application#launch}; the context is then built in {@link #init()}. */
    public StudioApp() {}

    public StudioApp(StudioContext context) {
        this.context = context;
    }

    @Override
    public void init() {
        if (context == null) {
            CompletableFuture<StudioContext> prepared = PREPARED.getAndSet(null);
            context = prepared == null ? new StudioContext(StudioEnvironment.fromSystem()) : await(prepared);
        }
    }

    // The context's own failure, as if it had been built here: JavaFX reports what init() throws.
    private static StudioContext await(CompletableFuture<StudioContext> prepared) {
        try {
            return prepared.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw e;
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
