package com.pixfino.studio.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.pixfino.studio.core.settings.StudioPaths;
import com.pixfino.studio.core.testsupport.HealthResponses;
import com.pixfino.studio.shell.AppIcons;
import com.pixfino.studio.shell.StudioVersion;
import com.pixfino.studio.testsupport.Screenshots;
import com.pixfino.studio.theme.ThemeMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Boots the real window (headless Monocle) against a fake companion server: the connection check, the theme switch,
 * the app icon, and the About dialog with the version Maven built (light and dark).
 */
@ExtendWith(ApplicationExtension.class)
class StudioWindowTest {

    private static final MockWebServer SERVER = new MockWebServer();

    @TempDir
    static Path home;

    private StudioContext context;
    private Stage stage;

    @BeforeAll
    static void startServer() throws IOException {
        SERVER.setDispatcher(HealthResponses.alwaysOk());
        SERVER.start();
    }

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        // A remembered server URL, as a previous run would have left it.
        Files.writeString(
                home.resolve("settings.json"),
                "{\"serverUrl\":\"http://127.0.0.1:" + SERVER.getPort() + "\",\"theme\":\"LIGHT\"}");
        // Building the context opens files (the gallery cache refuses the FX thread), as Application.init would.
        context = CompletableFuture.supplyAsync(() -> new StudioContext(
                        new StudioEnvironment(new StudioPaths(home, home), Optional.empty(), Path.of("java"), false)))
                .join();
        new StudioApp(context).start(stage);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void checksTheConnectionOnStartAndSwitchesTheme(FxRobot robot) throws Exception {
        Label status = robot.lookup("#connection-status").queryAs(Label.class);
        awaitConnected(status);

        assertThat(stage.getTitle()).isEqualTo("Pixfino Studio");
        assertThat(status.getText()).isEqualTo("Connected to Pixfino server (database ok)");
        assertThat(status.getStyleClass()).contains("state-connected");
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        assertThat(stage.getScene().getStylesheets()).anyMatch(sheet -> sheet.endsWith("studio.css"));
        Screenshots.save(stage.getScene(), "connection-light");

        robot.clickOn("#theme-toggle .thumb"); // AtlantaFX's switch reacts to its thumb, not its label
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(context.settings().themeProperty().get()).isEqualTo(ThemeMode.DARK);
        Screenshots.save(stage.getScene(), "connection-dark");

        context.close(); // flushes the settings file, as on exit
        assertThat(Files.readString(home.resolve("settings.json"))).contains("\"theme\" : \"DARK\"");
    }

    @Test
    void checkButtonChecksTheTypedUrl(FxRobot robot) throws Exception {
        Label status = robot.lookup("#connection-status").queryAs(Label.class);
        awaitConnected(status);

        robot.doubleClickOn("#server-url").eraseText(40).write("not a url");
        robot.clickOn("#check-connection");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(status.getText()).contains("is not a server URL");
    }

    @Test
    void windowHasTheAppIconAtEverySize() {
        assertThat(stage.getIcons()).hasSize(AppIcons.SIZES.size());
        assertThat(stage.getIcons())
                .extracting(Image::getWidth)
                .containsExactlyElementsOf(
                        AppIcons.SIZES.stream().map(Integer::doubleValue).toList());
        assertThat(stage.getIcons()).noneMatch(Image::isError);
    }

    @Test
    void aboutShowsTheMavenVersionInLightAndDark(FxRobot robot) {
        String projectVersion = System.getProperty("pixfino.project.version");
        assertThat(projectVersion).as("surefire passes the POM's version").isNotBlank();

        robot.clickOn("#about-button");
        WaitForAsyncUtils.waitForFxEvents();
        Label version = robot.lookup("#about-version").queryAs(Label.class);
        assertThat(version.getText()).isEqualTo("Version " + projectVersion);
        assertThat(StudioVersion.current()).isEqualTo(projectVersion);
        DialogPane dialog = robot.lookup("#about-dialog").queryAs(DialogPane.class);
        Screenshots.save(dialog.getScene(), "about-light");
        robot.clickOn("#about-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#about-dialog").tryQuery()).isEmpty();

        robot.clickOn("#theme-toggle .thumb");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#about-button");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dark = robot.lookup("#about-dialog").queryAs(DialogPane.class);
        assertThat(robot.lookup("#about-version").queryAs(Label.class).getText())
                .isEqualTo("Version " + projectVersion);
        Screenshots.save(dark.getScene(), "about-dark");
        Screenshots.save(stage.getScene(), "about-window-dark");
        robot.clickOn("#about-close");
    }

    private static void awaitConnected(Label status) {
        try {
            WaitForAsyncUtils.waitFor(
                    10, TimeUnit.SECONDS, () -> status.getText().startsWith("Connected"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("status stayed: " + status.getText(), e);
        }
    }
}
