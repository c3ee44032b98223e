package com.pixfino.studio.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.core.testsupport.PhotoFiles;
import com.pixfino.studio.testsupport.PickyRenderer;
import com.pixfino.studio.testsupport.RealStudio;
import com.pixfino.studio.testsupport.StudioHarness;
import java.nio.file.Path;
import java.util.UUID;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio as a newcomer uses it, against the real companion server (embedded PostgreSQL, the local
 * renderer): register, drop a photo, pick a style, generate, find the result. Saves every screen.
 */
class StudioJourneyTest {

    private static final String PASSWORD = "Sunset-Lake-42";

    @RegisterExtension
    static final RealStudio real = RealStudio.serverPerClass();

    private StudioHarness studio;

    private static String newEmail() {
        return "creator-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @Test
    void registerDropAPhotoGenerateAndFindTheResultInTheGallery(@TempDir Path home) throws Exception {
        studio = real.open(home);
        studio.await(
                "the server to answer", () -> studio.text("connection-status").startsWith("Connected"));
        studio.screenshotBothThemes("signin");

        studio.register("Ana", newEmail(), PASSWORD);
        studio.awaitShowing("create-screen");
        assertThat(studio.text("header-balance")).isEqualTo("5 credits");

        studio.drop("photo-drop-zone", PhotoFiles.portrait(home, "selfie.jpg"));
        studio.await(
                "the photo preview",
                () -> studio.<ImageView>find("photo-preview").getImage() != null);
        assertThat(studio.text("photo-details")).startsWith("1600 × 1200 px");
        studio.click("preset-snow-princess");
        assertThat(studio.text("summary-cost")).isEqualTo("4 credits");
        assertThat(studio.text("summary-balance-after")).isEqualTo("1 credit");
        studio.await(
                "the preview to load",
                () -> studio.<ImageView>find("photo-preview").getImage().getProgress() >= 1);
        studio.screenshotBothThemes("create");

        studio.click("generate");
        studio.await("the job to be queued", () -> studio.text("create-status").contains("is queued"));

        studio.click("nav-queue");
        studio.await(
                "the job to finish",
                () -> studio.robot().lookup(".job-badge").queryAllAs(javafx.scene.control.Label.class).stream()
                        .anyMatch(badge -> badge.getText().equals("Done")));
        assertThat(studio.<ListView<?>>find("queue-list").getItems()).hasSize(1);
        studio.screenshotBothThemes("queue");

        studio.click("nav-gallery");
        studio.await(
                "the result in the gallery",
                () -> studio.text("gallery-subtitle").equals("1 result"));
        studio.await("the balance to drop", () -> studio.text("header-balance").equals("1 credit"));
        assertThat(studio.text("gallery-subtitle")).isEqualTo("1 result");
        studio.await(
                "the thumbnail",
                () -> studio.robot().lookup(".gallery-cell ImageView").queryAllAs(ImageView.class).stream()
                        .anyMatch(view ->
                                view.getImage() != null && view.getImage().getProgress() >= 1));
        studio.await(
                "one tile for one result (empty slots hidden)",
                () -> studio.robot().lookup(".library-tile").queryAll().stream()
                                .filter(javafx.scene.Node::isVisible)
                                .count()
                        == 1);
        studio.screenshotBothThemes("gallery");

        studio.robot().doubleClickOn(".gallery-cell");
        studio.awaitShowing("viewer");
        studio.await("the full-size result", () -> {
            var image = studio.<ImageView>find("viewer-image").getImage();
            return image != null && image.getProgress() >= 1 && image.getWidth() > 400;
        });
        assertThat(studio.text("viewer-title")).isEqualTo("Snow Princess");
        studio.screenshotBothThemes("viewer");
        studio.click("viewer-back");

        studio.click("nav-account");
        studio.await(
                "the ledger",
                () -> studio.<TableView<?>>find("ledger-table").getItems().size() == 2);
        assertThat(studio.text("account-balance-value")).isEqualTo("1");
        assertThat(studio.text("account-tier-value")).isEqualTo("Free");
        studio.screenshotBothThemes("account");
    }

    @Test
    void aFailingJobSaysWhyAndShowsTheRefund(@TempDir Path home) throws Exception {
        studio = real.open(home);
        studio.register("Bo", newEmail(), PASSWORD);
        studio.drop("photo-drop-zone", PhotoFiles.portrait(home, "selfie.jpg"));
        studio.type("preset-search", "noir"); // the browser filters as you type
        studio.click("preset-film-noir");
        studio.type("prompt", "please fail this one");
        studio.await("Generate to be ready", () -> !studio.find("generate").isDisabled());

        studio.click("generate");
        // The renderer fails this job at its first poll, so the refund can reach the header before the
        // charge ever shows there; the create answer is where the charge is stated.
        studio.await(
                "the charge",
                () -> studio.text("create-status")
                        .equals("Film Noir is queued; 4 credits were charged. Follow it in the Queue (Ctrl+2)."));
        studio.click("nav-queue");

        studio.await(
                "the failure",
                () -> studio.robot().lookup(".job-detail").queryAllAs(javafx.scene.control.Label.class).stream()
                        .anyMatch(detail -> detail.getText().startsWith("Failed:")));
        String detail = studio.robot()
                .lookup(".job-detail")
                .queryAs(javafx.scene.control.Label.class)
                .getText();
        assertThat(detail).isEqualTo("Failed: " + PickyRenderer.REASON + " 4 credits were refunded.");
        studio.await(
                "the refund in the balance", () -> studio.text("header-balance").equals("5 credits"));
        assertThat(studio.robot().lookup(".job-actions .button").queryAllAs(javafx.scene.control.Button.class))
                .anySatisfy(button -> assertThat(button.getText()).isEqualTo("Retry"));
        studio.screenshot("queue-failed-light");
    }
}
