package com.pixfino.studio.testsupport;

import com.pixfino.studio.app.StudioApp;
import com.pixfino.studio.app.StudioContext;
import com.pixfino.studio.app.StudioEnvironment;
import com.pixfino.studio.billing.Browser;
import com.pixfino.studio.core.settings.StudioPaths;
import com.pixfino.studio.theme.ThemeMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real studio (its real composition root) in the headless Monocle window, pointed at a server,
 * with the steps a person takes: type, click, drop a photo, look. Screenshots go to target/screenshots.
 */
public final class StudioHarness implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(40);

    private final Path home;
    private final StudioContext context;
    private final Stage stage;
    private final FxRobot robot = new FxRobot();
    private boolean closed;

    private StudioHarness(Path home, StudioContext context, Stage stage) {
        this.home = home;
        this.context = context;
        this.stage = stage;
    }

    /** Starts the studio with {@code home} as its only directory, remembering {@code serverUrl} and a 1280×800 window. */
    public static StudioHarness start(Path home, String serverUrl) throws Exception {
        return start(home, serverUrl, null);
    }

    /** As {@link #start(Path, String)}, with {@code browser} given the pages the studio opens (checkout, portal). */
    public static StudioHarness start(Path home, String serverUrl, Browser browser) throws Exception {
        Files.createDirectories(home);
        Path settings = home.resolve("settings.json");
        if (!Files.exists(settings)) {
            Files.writeString(
                    settings,
                    "{\"serverUrl\":\"" + serverUrl + "\",\"theme\":\"LIGHT\","
                            + "\"window\":{\"x\":0,\"y\":0,\"width\":1280,\"height\":800}}");
        }
        Stage stage = FxToolkit.registerPrimaryStage();
        // Built off the FX thread, as Application.init does: it opens the gallery cache.
        StudioContext context = new StudioContext(
                new StudioEnvironment(new StudioPaths(home, home), Optional.empty(), Path.of("java"), false), browser);
        FxToolkit.setupStage(primary -> new StudioApp(context).start(primary));
        WaitForAsyncUtils.waitForFxEvents();
        return new StudioHarness(home, context, stage);
    }

    public Path home() {
        return home;
    }

    public StudioContext context() {
        return context;
    }

    public FxRobot robot() {
        return robot;
    }

    /**
     * The node with this id in the window, or fails; looked up on the FX thread. (TestFX's clickOn("#id") walks the
     * scene graph from the test thread, through children lists the FX thread may be replacing at that moment, such as
     * a screen being built after sign-in: CI once failed with "Index 6 out of bounds for length 0" from that walk.
     * Given the node, the robot still reads its place again at the end of its move, so a shifting layout is followed.)
     */
    public <T extends Node> T find(String id) {
        return call(() -> robot.lookup("#" + id).<T>query());
    }

    public boolean showing(String id) {
        return call(() -> robot.lookup("#" + id)
                .tryQuery()
                .map(node -> node.isVisible() && node.getScene() != null && isTreeVisible(node))
                .orElse(false));
    }

    public String text(String id) {
        return call(() -> ((Labeled) find(id)).getText());
    }

    /** Waits until {@code condition} holds; fails with {@code what} and the status lines when it does not. */
    public void await(String what, Supplier<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS, () -> call(condition::get));
        } catch (TimeoutException e) {
            throw new AssertionError("Waited " + PATIENCE.toSeconds() + " s for " + what + "; " + statusLines(), e);
        }
    }

    public void awaitShowing(String id) {
        await("#" + id + " to show", () -> showing(id));
    }

    public void click(String id) {
        awaitShowing(id);
        robot.clickOn(this.<Node>find(id));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Focuses the field with a click and enters the text (pasted in one go: the robot types slowly under Monocle). */
    public void type(String id, String text) {
        awaitShowing(id);
        robot.clickOn(this.<Node>find(id));
        robot.interact(() -> {
            javafx.scene.control.TextInputControl field = find(id);
            field.replaceSelection(text);
        });
    }

    /** Drops a file from the desktop onto the node. */
    public void drop(String id, Path file) {
        awaitShowing(id);
        robot.interact(() -> FileDrop.drop(find(id), file));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Creates an account through the sign-in screen and waits for the studio to open. */
    public void register(String name, String email, String password) {
        await("the server to answer", () -> text("connection-status").startsWith("Connected"));
        click("signin-switch-mode");
        type("signin-name", name);
        type("signin-email", email);
        type("signin-password", password);
        robot.type(javafx.scene.input.KeyCode.ENTER); // Enter submits the form
        awaitShowing("shell");
    }

    public void theme(ThemeMode mode) {
        robot.interact(() -> context.settings().themeProperty().set(mode));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Saves the window as target/screenshots/{name}-light.png and -dark.png. */
    public void screenshotBothThemes(String name) {
        screenshot(name + "-light");
        theme(ThemeMode.DARK);
        screenshot(name + "-dark");
        theme(ThemeMode.LIGHT);
    }

    public void screenshot(String name) {
        // A few pulses: images that just finished loading and CSS of the new theme are laid out first.
        WaitForAsyncUtils.waitForFxEvents(4);
        Screenshots.save(stage.getScene(), name);
    }

    /** Closes the window and the studio as on exit; a second call does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Hidden, not given an empty scene: the next studio's scene then takes the window's size when shown.
        robot.interact(stage::hide);
        context.close();
    }

    /** Runs {@code onFx} on the JavaFX thread (at once when already on it) and answers its result. */
    public static <T> T call(Callable<T> onFx) {
        return OnFx.call(onFx);
    }

    private String statusLines() {
        StringBuilder text = new StringBuilder();
        for (String id : new String[] {
            "connection-status",
            "signin-error",
            "signin-notice",
            "create-status",
            "generate-hint",
            "queue-notice",
            "gallery-notice",
            "offline-message",
            "batch-status",
            "batch-start-hint",
            "batch-state",
            "header-balance"
        }) {
            call(() -> robot.lookup("#" + id)
                            .tryQuery()
                            .filter(Labeled.class::isInstance)
                            .map(node -> ((Labeled) node).getText()))
                    .ifPresent(
                            value -> text.append(id).append("='").append(value).append("' "));
        }
        return text.toString();
    }

    private static boolean isTreeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
