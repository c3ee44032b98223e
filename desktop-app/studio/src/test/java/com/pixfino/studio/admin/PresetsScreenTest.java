package com.pixfino.studio.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.api.admin.AdminPresetView;
import com.pixfino.studio.testsupport.RealStudio;
import com.pixfino.studio.testsupport.StudioHarness;
import java.nio.file.Path;
import java.util.UUID;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin's Presets screen in a real window against the real server: a credits change moves the margin live and is
 * saved, a new preset is created, a duplicate slug is refused beside the slug, a deactivated preset leaves the Create
 * screen's browser, and a user never sees the screen. Screenshots of the table and the editor in both themes.
 */
class PresetsScreenTest {

    @RegisterExtension
    static final RealStudio real = RealStudio.serverPerClass();

    private StudioHarness studio;

    @Test
    void anAdminEditsCreatesAndDeactivatesPresets(@TempDir Path home) throws Exception {
        studio = real.open(home);
        AdminSignIn.signIn(studio);
        studio.robot().press(KeyCode.CONTROL, KeyCode.DIGIT8).release(KeyCode.DIGIT8, KeyCode.CONTROL);
        studio.awaitShowing("admin-presets-table");
        TableView<AdminPresetView> table = studio.find("admin-presets-table");
        studio.await("the presets", () -> table.getItems().size() > 20);

        // Enter on the selected row opens the editor; the margin follows the credits as they are typed
        AdminPresetView princess = row(table, "snow-princess");
        studio.robot().interact(() -> {
            table.getSelectionModel().select(princess);
            table.requestFocus();
        });
        studio.robot().type(KeyCode.ENTER);
        studio.awaitShowing("preset-editor");
        assertThat(studio.text("preset-editor-title")).isEqualTo("Edit \u201cSnow Princess\u201d");
        assertThat(field("preset-credits")).isEqualTo(Integer.toString(princess.credits()));
        set("preset-api-cost", "2.00");
        set("preset-credits", "1");
        assertThat(studio.text("preset-margin")).startsWith("Margin \u2212$1.73 (\u2212640.7 %)");
        assertThat(studio.<Label>find("preset-margin").getStyleClass()).contains("margin-negative");
        set("preset-api-cost", princess.apiCostUsd());
        set("preset-credits", "9");
        String expected = PresetsMarginText.of(9, princess.apiCostUsd());
        assertThat(studio.text("preset-margin")).startsWith("Margin " + expected);
        assertThat(studio.<Label>find("preset-margin").getStyleClass()).doesNotContain("margin-negative");
        studio.screenshotBothThemes("admin-presets-editor");

        studio.robot().press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        studio.await("the editor to close after saving", () -> !studio.showing("preset-editor"));
        assertThat(studio.text("admin-presets-status")).startsWith("Saved \u201cSnow Princess\u201d");
        studio.robot().type(KeyCode.F5);
        studio.await(
                "the saved credits read back", () -> row(table, "snow-princess").credits() == 9);
        assertThat(row(table, "snow-princess").marginUsd()).isEqualTo(PresetsMarginText.usd(9, princess.apiCostUsd()));

        // a new preset
        String slug = "neon-" + UUID.randomUUID().toString().substring(0, 8);
        studio.click("admin-presets-new");
        studio.awaitShowing("preset-editor");
        set("preset-name", "Neon Night");
        set("preset-slug", slug);
        set("preset-credits", "1");
        set("preset-api-cost", "0.50");
        set("preset-prompt-template", "a portrait of {subject} under neon lights, night city");
        set("preset-negative-prompt", "blurry");
        studio.click("preset-save");
        studio.await(
                "the new preset in the table",
                () -> table.getItems().stream().anyMatch(p -> p.slug().equals(slug)));
        assertThat(row(table, slug).marginUsd()).isEqualTo("-0.2300");
        assertThat(row(table, slug).active()).isTrue();
        AdminPresetView created = row(table, slug);
        studio.robot().interact(() -> table.scrollTo(created));
        studio.screenshotBothThemes("admin-presets-table");

        // a duplicate slug: the server's 409 beside the slug, the editor stays open
        studio.click("admin-presets-new");
        set("preset-name", "Second Princess");
        set("preset-slug", "snow-princess");
        set("preset-credits", "4");
        set("preset-api-cost", "0.04");
        set("preset-prompt-template", "another princess");
        studio.click("preset-save");
        studio.awaitShowing("preset-slug-error");
        assertThat(studio.text("preset-slug-error"))
                .isEqualTo("Another preset already uses \u201csnow-princess\u201d. Choose another slug.");
        assertThat(studio.showing("preset-editor")).isTrue();
        studio.robot().type(KeyCode.ESCAPE);
        studio.await("Escape to close the editor", () -> !studio.showing("preset-editor"));

        // deactivating asks first, then the preset leaves the Create screen's browser
        studio.click("admin-preset-toggle-" + slug);
        studio.awaitShowing("admin-preset-toggle-panel");
        studio.click("admin-preset-toggle-confirm");
        studio.await("the preset to be inactive", () -> !row(table, slug).active());
        studio.click("nav-create");
        studio.robot().type(KeyCode.F5);
        studio.awaitShowing("preset-snow-princess");
        assertThat(studio.robot().lookup("#preset-" + slug).tryQuery()).isEmpty();
    }

    @Test
    void aUserNeverSeesThePresetsScreen(@TempDir Path home) throws Exception {
        studio = real.open(home);
        studio.register("Ada", "ada-" + UUID.randomUUID() + "@example.com", "Sunset-Lake-42");
        studio.awaitShowing("nav-create");
        assertThat(studio.robot().lookup("#nav-admin-presets").tryQuery()).isEmpty();
        studio.robot().press(KeyCode.CONTROL, KeyCode.DIGIT8).release(KeyCode.DIGIT8, KeyCode.CONTROL);
        assertThat(studio.showing("admin-presets-screen")).isFalse();
    }

    private static AdminPresetView row(TableView<AdminPresetView> table, String slug) {
        return StudioHarness.call(() -> table.getItems().stream()
                .filter(p -> p.slug().equals(slug))
                .findFirst()
                .orElseThrow());
    }

    private String field(String id) {
        return StudioHarness.call(() -> studio.<TextInputControl>find(id).getText());
    }

    private void set(String id, String text) {
        studio.awaitShowing(id);
        studio.robot().interact(() -> studio.<TextInputControl>find(id).setText(text));
    }
}
