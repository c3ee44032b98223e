package com.pixfino.studio.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.core.testsupport.PhotoFiles;
import com.pixfino.studio.testsupport.RealStudio;
import com.pixfino.studio.testsupport.StudioHarness;
import java.nio.file.Path;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The gallery is cached: with the server gone, a restarted studio still shows it, and says it is offline. */
class OfflineGalleryTest {

    @RegisterExtension
    static final RealStudio real = RealStudio.serverPerTest();

    private StudioHarness studio;

    @Test
    void aRestartedStudioShowsTheCachedGalleryWhileTheServerIsDown(@TempDir Path home) throws Exception {
        String url = real.server().url();
        studio = real.open(home, url);
        studio.register("Cy", "offline-creator@example.com", "Sunset-Lake-42");
        studio.drop("photo-drop-zone", PhotoFiles.portrait(home, "selfie.jpg"));
        studio.click("preset-snow-princess");
        studio.click("generate");
        studio.click("nav-gallery");
        studio.await(
                "the result in the gallery",
                () -> studio.text("gallery-subtitle").equals("1 result"));
        studio.close();
        real.server().close();

        studio = real.open(home, url);

        studio.awaitShowing("offline-banner");
        studio.awaitShowing("gallery-screen"); // offline, the studio opens where it still works
        studio.await(
                "the cached result, said to be this computer's copy",
                () -> studio.text("gallery-subtitle")
                        .equals("1 result \u00b7 offline, showing the copies on this computer"));
        assertThat(studio.text("offline-message"))
                .startsWith("Offline: the Pixfino server at " + url + " cannot be reached.");
        assertThat(studio.text("online-badge")).isEqualTo("Offline");
        assertThat(studio.text("header-balance")).isEqualTo("1 credit");
        studio.await(
                "the cached thumbnail",
                () -> studio.robot().lookup(".gallery-cell ImageView").queryAllAs(ImageView.class).stream()
                        .anyMatch(view -> view.getImage() != null
                                && view.getImage().getProgress() >= 1
                                && !view.getImage().isError()));
        studio.screenshotBothThemes("gallery-offline");

        studio.click("nav-create");
        assertThat(studio.find("generate").isDisabled())
                .as("no photo chosen yet")
                .isTrue();
        assertThat(studio.text("generate-hint"))
                .startsWith(
                        "Offline: Generate keeps the request in the Queue and sends it when the connection is back;");
    }

    @Test
    void withoutASavedSignInTheStudioSaysTheServerCannotBeReached(@TempDir Path home) throws Exception {
        studio = real.open(home, "http://127.0.0.1:" + com.pixfino.studio.core.testsupport.HealthResponses.deadPort());

        studio.awaitShowing("signin-unreachable");

        assertThat(studio.text("connection-status")).contains("connection refused");
        assertThat(studio.find("signin-submit").isDisabled()).isTrue();
        studio.screenshotBothThemes("signin-offline");
    }
}
