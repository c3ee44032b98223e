package com.pixfino.studio.create;

import static com.pixfino.studio.testsupport.OnFx.await;
import static com.pixfino.studio.testsupport.OnFx.call;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.pixfino.studio.core.generate.PastSettings;
import com.pixfino.studio.core.testsupport.PhotoFiles;
import com.pixfino.studio.testsupport.CreateFixture;
import com.pixfino.studio.testsupport.OnFx;
import com.pixfino.studio.testsupport.Screenshots;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.StudioScene;
import com.pixfino.studio.testsupport.TestPresets;
import java.nio.file.Path;
import java.util.UUID;
import javafx.application.Application;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** "Use again" of a result whose photo has no preview here: a neutral placeholder, replaced by a photo chosen later. */
class PastPhotoViewTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private CreateFixture createFixture;

    @AfterEach
    void tearDown() throws Exception {
        createFixture.close();
    }

    @Test
    void withoutACachedPreviewThePlaceholderSaysWhereThePhotoIsUntilAnotherIsChosen() throws Exception {
        createFixture = CreateFixture.showingViews(dir, "past-photo-test");
        SessionFixture fixture = createFixture.session;
        PresetBrowserViewModel presets = createFixture.presets();
        CreateViewModel create = createFixture.create(presets, () -> {});
        StudioScene.showInPrimaryStage(() -> new CreateView(create, fixture.session, fixture.messages), 1280, 800);
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
        Screenshots.save(createFixture.stage().getScene(), name);
    }
}
