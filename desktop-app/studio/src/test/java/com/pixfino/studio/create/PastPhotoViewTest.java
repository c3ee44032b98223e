package com.pixfino.studio.create;

import static com.pixfino.studio.testsupport.OnFx.await;
import static com.pixfino.studio.testsupport.OnFx.call;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.pixfino.studio.concurrent.FxTaskExecutor;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.generate.KnownPresets;
import com.pixfino.studio.core.generate.PastSettings;
import com.pixfino.studio.core.generate.PendingGenerations;
import com.pixfino.studio.core.net.CompanionJson;
import com.pixfino.studio.core.photo.PhotoCheck;
import com.pixfino.studio.core.testsupport.PhotoFiles;
import com.pixfino.studio.queue.Backoff;
import com.pixfino.studio.queue.WaitingGenerations;
import com.pixfino.studio.testsupport.OnFx;
import com.pixfino.studio.testsupport.Screenshots;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.TestPresets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** "Use again" of a result whose photo has no preview here: a neutral placeholder, replaced by a photo chosen later. */
class PastPhotoViewTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private FxTaskExecutor tasks;
    private PendingGenerations pending;
    private Stage stage;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.setupStage(Stage::hide);
        tasks.close();
        pending.close();
    }

    @Test
    void withoutACachedPreviewThePlaceholderSaysWhereThePhotoIsUntilAnotherIsChosen() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        tasks = new FxTaskExecutor("past-photo-test", 2);
        SessionFixture fixture = new SessionFixture(dir, tasks);
        pending = PendingGenerations.open(dir.resolve("pending.db"), dir.resolve("photos"), UiThreadGuard.NONE);
        PresetBrowserViewModel presets = new PresetBrowserViewModel(
                tasks,
                fixture.session,
                fixture.sessions,
                fixture.messages,
                new KnownPresets(dir.resolve("presets.json"), CompanionJson.mapper(), UiThreadGuard.NONE));
        WaitingGenerations waiting = new WaitingGenerations(
                tasks,
                fixture.session,
                fixture.sessions,
                pending,
                fixture.messages,
                id -> {},
                Backoff.DEFAULT,
                Clock.systemUTC());
        CreateViewModel create = new CreateViewModel(
                tasks,
                fixture.session,
                fixture.sessions,
                new PhotoCheck(UiThreadGuard.NONE),
                presets,
                waiting,
                fixture.messages,
                id -> {},
                () -> {});
        FxToolkit.setupStage(primary -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            Scene scene = new Scene(new CreateView(create, fixture.session, fixture.messages));
            scene.getStylesheets()
                    .add(getClass()
                            .getResource("/com/pixfino/studio/studio.css")
                            .toExternalForm());
            primary.setScene(scene);
            primary.setWidth(1280);
            primary.setHeight(800);
            primary.show();
        });
        robot.interact(fixture::signedIn);
        await(() -> presets.allPresets().size() == 5);

        robot.interact(() -> create.useAgain(new PastSettings(
                UUID.randomUUID(), null, TestPresets.SNOW_PRINCESS.id(), "soft light", null, "9:16", 77L, null)));

        await(() -> robot.lookup("#past-photo-placeholder").query().isVisible());
        assertThat(text("#photo-name")).isEqualTo("Photo from your library");
        assertThat(call(() -> robot.lookup("#photo-preview").query().isVisible()))
                .isFalse();
        assertThat(call(() ->
                        robot.lookup("#format-9x16").queryAs(ToggleButton.class).isSelected()))
                .isTrue();
        assertThat(text("#create-status"))
                .isEqualTo("Filled from that result: Snow Princess, 9:16, seed 77. Press Generate to make it again.");
        assertThat(call(() -> robot.lookup("#generate").query().isDisabled())).isFalse();
        screenshot("create-use-again-placeholder-light");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        screenshot("create-use-again-placeholder-dark");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));

        Path photo = PhotoFiles.jpeg(dir, "me.jpg", 800, 1000);
        robot.interact(() -> create.choosePhoto(photo));

        await(() -> text("#photo-name").equals("me.jpg"));
        assertThat(call(() -> robot.lookup("#past-photo-placeholder").query().isVisible()))
                .isFalse();
        assertThat(call(() -> robot.lookup("#photo-preview").query().isVisible()))
                .isTrue();
    }

    private String text(String query) {
        return OnFx.text(robot, query);
    }

    private void screenshot(String name) {
        WaitForAsyncUtils.waitForFxEvents(4);
        Screenshots.save(stage.getScene(), name);
    }
}
