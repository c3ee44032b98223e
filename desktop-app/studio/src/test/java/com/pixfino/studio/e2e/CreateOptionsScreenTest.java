package com.pixfino.studio.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.core.testsupport.PhotoFiles;
import com.pixfino.studio.testsupport.RealStudio;
import com.pixfino.studio.testsupport.StudioHarness;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Create screen's new options in a real window: the format frames with their accessible text, four takes with
 * their total and the balance after, and Lock seed with its inline error; screenshots in both themes.
 */
class CreateOptionsScreenTest {

    private static final String PASSWORD = "Sunset-Lake-42";

    @RegisterExtension
    static final RealStudio real = RealStudio.serverPerTest();

    private StudioHarness studio;

    @Test
    void fourTakesShowTheirTotalAndTheBalanceAfterAndALockedSeedIsChecked(@TempDir Path home) throws Exception {
        studio = real.open(home);
        real.signUpWithCredits(studio, "Ada", PASSWORD, 100);
        studio.drop("photo-drop-zone", PhotoFiles.portrait(home.resolve("Pictures"), "selfie.jpg"));
        studio.click("preset-snow-princess");

        Node story = studio.find("format-9x16");
        assertThat(StudioHarness.call(story::getAccessibleText)).isEqualTo("Format 9:16, Story / TikTok");

        studio.robot()
                .interact(() ->
                        studio.<Spinner<Integer>>find("takes").getValueFactory().setValue(4));
        studio.await(
                "the balance set by the operator",
                () -> studio.text("header-balance").equals("100 credits"));
        assertThat(studio.text("summary-cost")).isEqualTo("4 takes \u00b7 16 credits");
        assertThat(studio.text("summary-balance-after")).isEqualTo("84 credits");

        // below the fold of the left column: fired as the keyboard would (Tab, Space), not clicked
        studio.robot()
                .interact(() ->
                        studio.<javafx.scene.control.CheckBox>find("lock-seed").fire());
        assertThat(StudioHarness.call(() -> studio.<TextField>find("seed").isDisabled()))
                .isFalse();
        studio.robot().interact(() -> studio.<TextField>find("seed").setText("99999999999"));
        studio.await("the seed's inline error", () -> studio.showing("seed-error"));
        assertThat(studio.text("seed-error")).isEqualTo("A seed is a whole number from 0 to 2147483647.");
        assertThat(studio.find("generate").isDisabled()).isTrue();
        studio.robot()
                .interact(() ->
                        studio.<javafx.scene.control.Button>find("seed-roll").fire());
        studio.await("a new seed", () -> !studio.showing("seed-error"));

        // the settings scrolled to their end, so the shot shows the format picker, the takes and Lock seed
        studio.robot()
                .interact(() -> studio.robot()
                        .lookup(".create-left-scroll")
                        .queryAs(javafx.scene.control.ScrollPane.class)
                        .setVvalue(1));
        assertThat(studio.showing("format-picker")).isTrue();
        studio.screenshotBothThemes("create-options");
    }
}
