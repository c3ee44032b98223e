package com.pixfino.studio.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.api.GenerationView;
import com.pixfino.studio.core.testsupport.PhotoFiles;
import com.pixfino.studio.testsupport.RealStudio;
import com.pixfino.studio.testsupport.StudioHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's acceptance in a real window against the real server: a style saved from Create, picked under "My
 * styles", four takes in 9:16 → four requests of one group with four seeds, 9:16 and the style's id, and the four
 * results in the gallery as one group of four; screenshots of My styles in both themes.
 */
class StyleTakesJourneyTest {

    private static final String PASSWORD = "Sunset-Lake-42";

    @RegisterExtension
    static final RealStudio real = RealStudio.serverPerTest();

    private StudioHarness studio;

    @Test
    void fourTakesIn916FromASavedStyleEndAsAGroupOfFourInTheGallery(@TempDir Path home) throws Exception {
        studio = real.open(home);
        String email = real.signUpWithCredits(studio, "Ada", PASSWORD, 100);
        studio.drop("photo-drop-zone", PhotoFiles.portrait(home.resolve("Pictures"), "selfie.jpg"));
        studio.await("the photo", () -> studio.text("photo-name").equals("selfie.jpg"));

        // the look: Snow Princess, a prompt, 9:16, saved under a name
        studio.click("preset-snow-princess");
        studio.robot().interact(() -> {
            studio.<TextArea>find("prompt").setText("warm window light, film grain");
            studio.<ToggleButton>find("format-9x16").fire();
            studio.<Button>find("save-style").fire();
        });
        studio.awaitShowing("style-name-panel");
        studio.robot().interact(() -> {
            studio.<TextField>find("style-name").setText("Warm reels");
            studio.<Button>find("style-name-save").fire();
        });
        studio.await(
                "the style to be saved",
                () -> studio.text("style-message").equals("Saved \u201cWarm reels\u201d: it is under My styles."));
        studio.await("the name row to close", () -> !studio.showing("style-name-panel"));

        // something else first, then the style from the browser's first category
        studio.click("preset-film-noir");
        studio.robot().interact(() -> studio.<TextArea>find("prompt").setText("a different idea"));
        studio.click("category-my-styles");
        studio.await(
                "the style's tile",
                () -> studio.robot().lookup(".style-tile").tryQuery().isPresent());
        Node tile = studio.robot().lookup(".style-tile").query();
        UUID styleId = UUID.fromString(tile.getId().substring("style-".length()));
        studio.robot().clickOn(tile);
        studio.await(
                "the style's settings",
                () -> studio.text("summary-preset").equals("Snow Princess")
                        && studio.<ToggleButton>find("format-9x16").isSelected()
                        && studio.<TextArea>find("prompt").getText().equals("warm window light, film grain"));
        studio.robot()
                .interact(() ->
                        studio.<Spinner<Integer>>find("takes").getValueFactory().setValue(4));
        studio.await("four takes", () -> studio.text("summary-cost").equals("4 takes \u00b7 16 credits"));
        studio.screenshotBothThemes("create-my-styles");

        studio.robot().interact(() -> studio.<Button>find("generate").fire());
        studio.await(
                "the takes to be queued", () -> studio.text("create-status").contains("queued"));

        List<GenerationView> made = real.server().generations(email, PASSWORD);
        assertThat(made).hasSize(4);
        assertThat(made)
                .extracting(GenerationView::groupId)
                .doesNotContainNull()
                .containsOnly(made.get(0).groupId());
        assertThat(made).extracting(GenerationView::seed).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(made).extracting(GenerationView::aspectRatio).containsOnly("9:16");
        assertThat(made).extracting(GenerationView::styleId).containsOnly(styleId);
        assertThat(made).extracting(GenerationView::prompt).containsOnly("warm window light, film grain");

        studio.click("nav-gallery");
        studio.await("the four results", () -> studio.text("gallery-subtitle").equals("4 results"));
        List<String> badges = made.stream()
                .map(g -> {
                    String id = "gallery-take-" + g.id();
                    studio.await("the take badge of " + g.id(), () -> studio.showing(id));
                    return studio.text(id);
                })
                .sorted()
                .toList();
        assertThat(badges).containsExactly("1 of 4", "2 of 4", "3 of 4", "4 of 4");
        studio.screenshotBothThemes("gallery-style-group");
    }
}
