package com.pixfino.studio.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.PresetView;
import com.pixfino.model.api.admin.ModerationFlagView;
import com.pixfino.model.api.admin.ModerationWords;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.studio.testsupport.RealStudio;
import com.pixfino.studio.testsupport.StudioHarness;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The moderation queue in a real window against the real server: two prompts refused by the banned-word list wait
 * there; one is dismissed with a note, the other's user suspended after a confirmation; the banned-word list is edited
 * and saved. Screenshots of the queue and the word list in both themes; a user never sees the screen.
 */
class ModerationScreenTest {

    private static final String PASSWORD = "correct-Horse-7";

    @RegisterExtension
    static final RealStudio real = RealStudio.serverPerClass();

    private StudioHarness studio;

    @Test
    void anAdminResolvesFlagsAndEditsTheBannedWords(@TempDir Path home) throws Exception {
        String ada = refusedPrompt("a nude portrait on the beach");
        String bob = refusedPrompt("n.u.d.e selfie please");
        studio = real.open(home);
        AdminSignIn.signIn(studio);
        studio.robot().press(KeyCode.CONTROL, KeyCode.DIGIT9).release(KeyCode.DIGIT9, KeyCode.CONTROL);
        TableView<ModerationFlagView> table = studio.find("moderation-flags-table");
        studio.await("the two open flags", () -> table.getItems().size() == 2);
        ModerationFlagView newest = StudioHarness.call(() -> table.getItems().get(0));
        assertThat(newest.userEmail()).isEqualTo(bob);
        assertThat(newest.matched()).isNotEmpty();
        studio.robot().interact(() -> table.getSelectionModel().select(0));
        assertThat(studio.find("moderation-deleteGeneration").isDisabled()).isTrue(); // a refused prompt made nothing
        studio.screenshotBothThemes("admin-moderation-queue");

        // suspending asks first
        studio.click("moderation-suspendUser");
        studio.awaitShowing("moderation-confirm-panel");
        assertThat(studio.text("moderation-confirm-question")).startsWith("Suspend " + bob + "?");
        studio.click("moderation-confirm-confirm");
        studio.await("the flag to leave the open queue", () -> table.getItems().size() == 1);
        assertThat(studio.text("moderation-status")).isEqualTo("Suspended " + bob + ".");
        assertThat(new ApiClient(real.server().url())
                        .post(ApiPaths.LOGIN, Map.of("email", bob, "password", PASSWORD))
                        .status())
                .isEqualTo(403);

        // dismissing goes at once, with the note
        studio.robot().interact(() -> table.getSelectionModel().select(0));
        studio.robot()
                .interact(() -> studio.<TextInputControl>find("moderation-note").setText("art nude study, fine"));
        studio.click("moderation-dismiss");
        studio.await("the queue to empty", () -> table.getItems().isEmpty());
        assertThat(studio.text("moderation-empty")).isEqualTo("Nothing to review: no open flags.");
        studio.click("moderation-resolved");
        studio.await("the two resolved flags", () -> table.getItems().size() == 2);
        ModerationFlagView dismissed = StudioHarness.call(() -> table.getItems().stream()
                .filter(f -> ada.equals(f.userEmail()))
                .findFirst()
                .orElseThrow());
        assertThat(dismissed.action()).isEqualTo("dismiss");
        assertThat(dismissed.note()).isEqualTo("art nude study, fine");

        // the banned words: add one, save, and the server has it
        studio.robot()
                .interact(() -> studio.robot()
                        .lookup("#moderation-tabs")
                        .<javafx.scene.control.TabPane>query()
                        .getSelectionModel()
                        .select(1));
        studio.await(
                "the stored words",
                () -> !studio.<javafx.scene.control.ListView<String>>find("words-list")
                        .getItems()
                        .isEmpty());
        studio.type("words-new", "zzforbidden, qqbanned");
        studio.robot().type(KeyCode.ENTER);
        assertThat(studio.text("words-count")).endsWith("not saved yet");
        studio.screenshotBothThemes("admin-moderation-words");
        studio.robot().press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        studio.await("the list to be saved", () -> studio.text("words-status").startsWith("Saved"));
        ModerationWords stored = admin().get(ApiPaths.ADMIN_MODERATION_WORDS).as(ModerationWords.class);
        assertThat(stored.words()).contains("zzforbidden", "qqbanned");
    }

    @Test
    void aUserNeverSeesTheModerationScreen(@TempDir Path home) throws Exception {
        studio = real.open(home);
        studio.register("Cy", "cy-" + UUID.randomUUID() + "@example.com", "Sunset-Lake-42");
        studio.awaitShowing("nav-create");
        assertThat(studio.robot().lookup("#nav-admin-moderation").tryQuery()).isEmpty();
        studio.robot().press(KeyCode.CONTROL, KeyCode.DIGIT9).release(KeyCode.DIGIT9, KeyCode.CONTROL);
        assertThat(studio.showing("admin-moderation-screen")).isFalse();
    }

    private static ApiClient admin() {
        return new ApiClient(real.server().url()).login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    }

    /** A new user whose prompt the banned-word list refuses: the server records a flag. Answers their email. */
    private static String refusedPrompt(String prompt) {
        String email = "flagged-" + UUID.randomUUID() + "@example.com";
        ApiClient anonymous = new ApiClient(real.server().url());
        assertThat(anonymous
                        .post(ApiPaths.REGISTER, Map.of("email", email, "password", PASSWORD, "name", "Flagged"))
                        .status())
                .isEqualTo(201);
        ApiClient user = anonymous.login(email, PASSWORD);
        long preset = Arrays.stream(user.get(ApiPaths.PRESETS).as(PresetView[].class))
                .filter(p -> p.slug().equals("linkedin-headshot"))
                .findFirst()
                .orElseThrow()
                .id();
        ApiClient.Answer answer = user.post(
                ApiPaths.GENERATIONS, Map.of("presetId", preset, "uploadId", Studio.upload(user), "prompt", prompt));
        assertThat(answer.errorCode()).isEqualTo("prompt_rejected");
        return email;
    }
}
