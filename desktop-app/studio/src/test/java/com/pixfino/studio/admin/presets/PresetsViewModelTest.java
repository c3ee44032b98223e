package com.pixfino.studio.admin.presets;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.MediaKind;
import com.pixfino.model.api.admin.AdminPresetView;
import com.pixfino.studio.admin.presets.PresetsViewModel.StatusFilter;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.testsupport.CurrentThreadTaskExecutor;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Presets screen's model against an in-memory server: margins, checks, refusals beside their field, deactivation. */
class PresetsViewModelTest {

    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    // a credit value other than the default: the margin must use the server's, read back from its answers
    private final FakeAdminPresets server = new FakeAdminPresets(new BigDecimal("0.30"));
    private PresetsViewModel presets;
    private PresetEditorViewModel editor;
    private AdminPresetView princess;
    private SessionFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new SessionFixture(dir, tasks).signedIn();
        princess = server.add("snow-princess", "Snow Princess", 4, "0.0400", true);
        server.add("red-carpet", "Red Carpet", 6, "0.0800", true);
        server.add("old-film", "Old Film", 2, "0.0100", false);
        presets = new PresetsViewModel(tasks, fixture.session, fixture.sessions, fixture.messages, api -> server);
        editor = presets.editor();
        presets.refresh();
    }

    @Test
    void theTableShowsEveryPresetWithItsMarginAndTheServersCreditValue() {
        assertThat(presets.shownPresets()).hasSize(3);
        assertThat(presets.creditValueProperty().get()).isEqualByComparingTo("0.30");
        assertThat(presets.margin(princess)).isEqualTo("$1.16 (96.7 %)");
        assertThat(presets.flags(princess)).isEqualTo("FEAT");
        assertThat(presets.summaryProperty().get())
                .isEqualTo("3 of 3 presets shown \u00b7 2 active \u00b7 1 credit = $0.30");

        presets.searchProperty().set("carpet");
        assertThat(presets.shownPresets()).extracting(AdminPresetView::slug).containsExactly("red-carpet");
        presets.searchProperty().set("");
        presets.filterProperty().set(StatusFilter.INACTIVE);
        assertThat(presets.shownPresets()).extracting(AdminPresetView::slug).containsExactly("old-film");
    }

    @Test
    void theMarginFollowsCreditsAndCostAsTheyAreTypedAndTheSaveSendsEveryField() {
        presets.edit(princess);
        assertThat(editor.marginProperty().get()).startsWith("Margin $1.16 (96.7 %) per run: 4 credits \u00d7 $0.30");

        editor.creditsProperty().set("1");
        editor.apiCostProperty().set("0.5");
        assertThat(editor.marginProperty().get()).startsWith("Margin \u2212$0.20 (\u221266.7 %)");
        assertThat(editor.marginNegativeProperty().get()).isTrue();

        editor.creditsProperty().set("10");
        assertThat(editor.marginProperty().get()).startsWith("Margin $2.50 (83.3 %)");
        assertThat(editor.marginNegativeProperty().get()).isFalse();
        editor.save();

        assertThat(server.calls).contains("update " + princess.id());
        assertThat(server.lastRequest.credits()).isEqualTo(10);
        assertThat(server.lastRequest.apiCostUsd()).isEqualTo("0.5000");
        assertThat(server.lastRequest.recipe()).containsEntry("look", "warm"); // a PUT keeps the recipe
        assertThat(server.lastRequest.aspectRatios()).containsExactly("1:1", "4:5");
        assertThat(server.lastRequest.durationSeconds()).isNull();
        assertThat(editor.isOpen()).isFalse();
        assertThat(presets.presets().get(0).marginUsd()).isEqualTo("2.5000");
        assertThat(presets.status().messageProperty().get())
                .startsWith("Saved \u201cSnow Princess\u201d \u00b7 margin $2.50");
    }

    @Test
    void anIncompleteFormSaysWhatToFixAndSendsNothing() {
        presets.openNew();
        editor.slugProperty().set("Snow Princess");
        editor.kindProperty().set(MediaKind.VIDEO);
        editor.durationProperty().set("30");
        editor.creditsProperty().set("501");
        editor.apiCostProperty().set("0.00001");
        editor.recipeProperty().set("{not json");
        editor.save();

        assertThat(server.calls).containsExactly("list");
        assertThat(editor.formErrorProperty().get()).isEqualTo("Check the fields marked in red, then save again.");
        assertThat(editor.errorProperty(PresetField.SLUG).get()).startsWith("Use lowercase letters");
        assertThat(editor.errorProperty(PresetField.NAME).get()).startsWith("Give the preset a name");
        assertThat(editor.errorProperty(PresetField.DURATION).get()).isEqualTo("A video runs 3 to 20 seconds.");
        assertThat(editor.errorProperty(PresetField.CREDITS).get())
                .isEqualTo("Credits are a whole number from 1 to 500.");
        assertThat(editor.errorProperty(PresetField.API_COST).get()).startsWith("Enter US dollars");
        assertThat(editor.errorProperty(PresetField.PROMPT_TEMPLATE).get()).startsWith("Write the prompt template");
        assertThat(editor.errorProperty(PresetField.RECIPE).get()).startsWith("The recipe is a JSON object");

        editor.creditsProperty().set("12");
        assertThat(editor.errorProperty(PresetField.CREDITS).get()).isEmpty();
        editor.ratioProperty(com.pixfino.model.AspectRatio.SQUARE).set(false);
        assertThat(editor.defaultRatioProperty().get()).isNotEqualTo("1:1");
        editor.cancel();
        assertThat(editor.isOpen()).isFalse();
    }

    @Test
    void theServersRefusalsShowBesideTheFieldTheyName() {
        presets.openNew();
        fill("snow-princess");
        editor.save();
        assertThat(editor.errorProperty(PresetField.SLUG).get())
                .isEqualTo("Another preset already uses \u201csnow-princess\u201d. Choose another slug.");
        assertThat(editor.formErrorProperty().get())
                .isEqualTo("The server refused the preset: see the field marked in red.");
        assertThat(editor.isOpen()).isTrue();

        editor.slugProperty().set("neon-night");
        assertThat(editor.errorProperty(PresetField.SLUG).get()).isEmpty();
        server.nextFailure =
                new CompanionApiException(400, "invalid_model", "model 'x' is not one the replicate provider runs.");
        editor.save();
        assertThat(editor.errorProperty(PresetField.MODEL).get())
                .isEqualTo("model 'x' is not one the replicate provider runs.");

        server.nextFailure = new java.io.IOException("down", new ConnectException("refused"));
        editor.save();
        assertThat(editor.formErrorProperty().get())
                .startsWith("Could not save the preset: Cannot reach the Pixfino server");

        editor.save();
        assertThat(editor.formErrorProperty().get()).startsWith("The server cannot be reached");
        fixture.sessions.callSucceeded(); // the server is back
        editor.save();
        assertThat(editor.isOpen()).isFalse();
        assertThat(presets.presets()).extracting(AdminPresetView::slug).contains("neon-night");
        assertThat(presets.status().messageProperty().get()).startsWith("Created \u201cNeon Night\u201d");
    }

    @Test
    void aPickedThumbnailIsUploadedWithTheSaveAndAFailedUploadKeepsTheFormOnTheSavedPreset() {
        presets.openNew();
        fill("neon-night");
        editor.chooseThumbnail(dir.resolve("cover.gif"));
        assertThat(editor.errorProperty(PresetField.THUMBNAIL).get()).isEqualTo("Choose a JPEG, PNG or WebP image.");
        assertThat(editor.thumbnailProperty().get()).isNull();
        editor.chooseThumbnail(dir.resolve("cover.webp"));
        server.uploadFailure = new CompanionApiException(415, "unsupported_media", "That file is not an image.");
        editor.save();

        AdminPresetView created = presets.presets().stream()
                .filter(p -> p.slug().equals("neon-night"))
                .findFirst()
                .orElseThrow();
        assertThat(server.calls).contains("thumbnail " + created.id() + " cover.webp image/webp");
        assertThat(editor.isOpen()).isTrue();
        assertThat(editor.editingProperty().get().id()).isEqualTo(created.id());
        assertThat(editor.errorProperty(PresetField.THUMBNAIL).get())
                .isEqualTo("The preset is saved, but its image was not: That file is not an image.");

        server.uploadFailure = null;
        editor.save();
        assertThat(server.calls).contains("update " + created.id());
        assertThat(editor.isOpen()).isFalse();
        assertThat(presets.presets())
                .filteredOn(p -> p.id() == created.id())
                .singleElement()
                .satisfies(p -> assertThat(p.thumbnailUrl()).endsWith("/thumbnail"));
    }

    @Test
    void deactivatingAsksFirstAndThenHidesThePresetFromTheActiveFilter() {
        presets.filterProperty().set(StatusFilter.ACTIVE);
        presets.askToggle(princess);
        assertThat(presets.toggleQuestion(presets.pendingToggleProperty().get()))
                .startsWith("Deactivate \u201cSnow Princess\u201d?");
        assertThat(server.calls).containsExactly("list");
        presets.cancelToggle();
        assertThat(presets.pendingToggleProperty().get()).isNull();

        presets.askToggle(princess);
        presets.confirmToggle();
        assertThat(server.calls).containsExactly("list", "deactivate " + princess.id());
        assertThat(presets.shownPresets()).extracting(AdminPresetView::slug).containsExactly("red-carpet");
        assertThat(presets.status().toneProperty().get()).isEqualTo(Tone.SUCCESS);
        assertThat(presets.status().messageProperty().get())
                .isEqualTo("\u201cSnow Princess\u201d is deactivated: users no longer see it.");
    }

    private void fill(String slug) {
        editor.nameProperty().set("Neon Night");
        editor.slugProperty().set(slug);
        editor.creditsProperty().set("5");
        editor.apiCostProperty().set("0.05");
        editor.promptTemplateProperty().set("a portrait of {subject} under neon lights");
    }
}
