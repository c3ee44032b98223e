package com.pixfino.studio.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.api.GenerationView;
import com.pixfino.studio.core.testsupport.PhotoFiles;
import com.pixfino.studio.testsupport.RealStudio;
import com.pixfino.studio.testsupport.StudioHarness;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * From the viewer's "Use again" to Create in a real window: the past photo (its preview, by its upload id), the
 * format and the locked seed are filled in, and Generate makes it again from the same upload; both themes.
 */
class UseAgainJourneyTest {

    private static final String PASSWORD = "Sunset-Lake-42";

    @RegisterExtension
    static final RealStudio real = RealStudio.serverPerTest();

    private StudioHarness studio;

    @Test
    void useAgainFillsCreateWithThePhotoFormatAndSeedAndMakesItAgainFromTheSameUpload(@TempDir Path home)
            throws Exception {
        studio = real.open(home);
        String email = real.signUpWithCredits(studio, "Ada", PASSWORD, 100);
        studio.drop("photo-drop-zone", PhotoFiles.portrait(home.resolve("Pictures"), "selfie.jpg"));
        studio.await("the photo", () -> studio.text("photo-name").equals("selfie.jpg"));
        studio.click("preset-snow-princess");
        studio.robot().interact(() -> {
            studio.<ToggleButton>find("format-9x16").fire();
            studio.<CheckBox>find("lock-seed").fire();
            studio.<TextField>find("seed").setText("1234");
        });
        studio.await("Generate to be ready", () -> !studio.find("generate").isDisabled());
        studio.robot()
                .interact(() ->
                        studio.<javafx.scene.control.Button>find("generate").fire());
        studio.await("the job to be queued", () -> studio.text("create-status").contains("is queued"));

        studio.click("nav-gallery");
        studio.await(
                "the result in the gallery",
                () -> studio.text("gallery-subtitle").equals("1 result"));
        studio.robot().doubleClickOn(".gallery-cell");
        studio.awaitShowing("viewer");
        studio.await(
                "the seed it was made with",
                () -> studio.text("provenance-seed").equals("1234"));
        studio.await("the input photo's preview", () -> {
            var image = studio.<ImageView>find("provenance-input").getImage();
            return image != null && image.getProgress() >= 1;
        });
        studio.click("viewer-use-again");

        studio.awaitShowing("create-screen");
        assertThat(studio.text("photo-name")).isEqualTo("Photo from your library");
        assertThat(studio.text("photo-details")).isEqualTo("Already on the server: not uploaded again.");
        studio.await("the past photo's preview", () -> {
            var image = studio.<ImageView>find("photo-preview").getImage();
            return image != null && image.getProgress() >= 1;
        });
        assertThat(studio.showing("past-photo-placeholder")).isFalse();
        assertThat(StudioHarness.call(
                        () -> studio.<ToggleButton>find("format-9x16").isSelected()))
                .isTrue();
        assertThat(StudioHarness.call(() -> studio.<CheckBox>find("lock-seed").isSelected()))
                .isTrue();
        assertThat(StudioHarness.call(() -> studio.<TextField>find("seed").getText()))
                .isEqualTo("1234");
        assertThat(studio.text("create-status"))
                .isEqualTo("Filled from that result: Snow Princess, 9:16, seed 1234. Press Generate to make it again.");
        studio.screenshotBothThemes("create-use-again");

        studio.robot()
                .interact(() ->
                        studio.<javafx.scene.control.Button>find("generate").fire());
        studio.await("the job to be queued", () -> studio.text("create-status").contains("is queued"));
        List<GenerationView> made = real.server().generations(email, PASSWORD);
        assertThat(made).hasSize(2);
        assertThat(made)
                .extracting(GenerationView::uploadId)
                .containsOnly(made.get(1).uploadId());
        assertThat(made).extracting(GenerationView::aspectRatio).containsOnly("9:16");
        assertThat(made).extracting(GenerationView::seed).containsOnly(1234L);
    }
}
