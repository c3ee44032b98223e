package com.pixfino.studio.create;

import static com.pixfino.studio.testsupport.OnFx.await;
import static com.pixfino.studio.testsupport.OnFx.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.api.PresetView;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.presets.PresetPreviewCache;
import com.pixfino.studio.testsupport.CreateFixture;
import com.pixfino.studio.testsupport.PresetPictureBytes;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.testsupport.StudioScene;
import com.pixfino.studio.testsupport.TestPresets;
import com.pixfino.studio.testsupport.ThemeShots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The preset browser with the presets' real preview pictures (rendered by the server's renderer from the sample
 * photos), loaded off the UI thread through the disk cache; the monogram art where a preset has no picture or its
 * picture cannot be had, and the kept pictures offline.
 */
class PresetPicturesViewTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private CreateFixture createFixture;
    private SessionFixture fixture;
    private PresetBrowserViewModel presets;

    /** Four presets with pictures; Vogue says it has one but the server has none (404); Film Noir has none. */
    private static final List<PresetView> PICTURED =
            List.of(TestPresets.SNOW_PRINCESS, TestPresets.LINKEDIN, TestPresets.RUNWAY_REEL, TestPresets.VOGUE);

    @BeforeEach
    void setUp() throws Exception {
        createFixture = CreateFixture.showingViews(dir, "preset-pictures-test");
        fixture = createFixture.session;
        List<PresetView> listed = new ArrayList<>();
        for (PresetView preset : TestPresets.all()) {
            boolean pictured = PICTURED.contains(preset);
            listed.add(pictured ? PresetPictureBytes.withPicture(preset) : preset);
            if (pictured && preset != TestPresets.VOGUE) {
                fixture.api.presetPictures.put(preset.id(), PresetPictureBytes.of(preset));
            }
        }
        fixture.api.presets = listed;
        presets = new PresetBrowserViewModel(
                fixture.tasks, fixture.session, fixture.sessions, fixture.messages, null, previewCache());
        CreateViewModel create = createFixture.createWithLibrary(presets, () -> {});
        StudioScene.showInPrimaryStage(() -> new CreateView(create, fixture.session, fixture.messages), 1280, 800);
        robot.interact(fixture::signedIn);
        await(() -> presets.allPresets().size() == 5);
    }

    private PresetPreviewCache previewCache() {
        return new PresetPreviewCache(dir.resolve("preset-previews"), UiThreadGuard.NONE);
    }

    @AfterEach
    void tearDown() throws Exception {
        createFixture.close();
    }

    @Test
    void theTilesShowTheRenderedPreviewsAndTheMonogramWhereThereIsNone() throws Exception {
        for (String slug : List.of("snow-princess", "linkedin-headshot", "fashion-runway-reel")) {
            await(() -> pictureShown(slug));
            assertThat(call(() -> initialsShown(slug))).as(slug).isFalse();
        }
        assertThat(call(() -> pictureShown("film-noir"))).isFalse();
        assertThat(call(() -> initialsShown("film-noir")))
                .as("no picture: the monogram")
                .isTrue();
        assertThat(call(() -> pictureShown("vogue-cover"))).isFalse();
        assertThat(call(() -> initialsShown("vogue-cover")))
                .as("the server has none: the monogram")
                .isTrue();
        Image snow = call(() -> picture("snow-princess").getImage());
        assertThat(snow.getWidth()).isEqualTo(PresetPictures.DECODE_EDGE);
        assertThat(snow.isError()).isFalse();
        assertThat(fixture.api.presetPicturesSent).isEqualTo(3);
        try (Stream<Path> kept = Files.walk(dir.resolve("preset-previews"))) {
            assertThat(kept.filter(Files::isRegularFile)
                            .map(p -> p.getFileName().toString()))
                    .hasSize(3)
                    .allMatch(name -> name.matches("[125]-[0-9a-f]{64}\\.jpg"));
        }

        robot.interact(() -> presets.select(fixture.api.presets.get(0)));
        screenshots("create-preset-pictures");

        // searching rebuilds the tiles: the pictures come from memory, not from the server again
        robot.interact(() -> presets.searchProperty().set("snow"));
        await(() -> pictureShown("snow-princess"));
        robot.interact(() -> presets.searchProperty().set(""));
        assertThat(fixture.api.presetPicturesSent).isEqualTo(3);
    }

    @Test
    void aCurrentKeptPictureCostsNoDownloadAndOfflineTheKeptOnesShow() throws Exception {
        await(() -> pictureShown("snow-princess"));
        await(() -> fixture.api.presetPicturesSent == 3);
        PresetView snow = fixture.api.presets.get(0);
        PresetView runway = fixture.api.presets.get(4);

        // another studio run over the same folder: the server answers 304 for each kept picture
        PresetPictures again = new PresetPictures(fixture.tasks, fixture.session, previewCache());
        ReadOnlyObjectProperty<Image> online = call(() -> again.picture(snow));
        await(() -> online.get() != null);
        assertThat(fixture.api.presetPicturesSent).isEqualTo(3);

        // offline: the kept picture, and none for a preset that never had one kept
        fixture.api.unreachable = true;
        robot.interact(() -> fixture.sessions.callFailed(new java.net.ConnectException("refused")));
        PresetPictures offline = new PresetPictures(fixture.tasks, fixture.session, previewCache());
        ReadOnlyObjectProperty<Image> kept = call(() -> offline.picture(runway));
        await(() -> kept.get() != null);
        ReadOnlyObjectProperty<Image> none = call(() -> offline.picture(fixture.api.presets.get(2)));
        WaitForAsyncUtils.waitForFxEvents(4);
        assertThat(call(none::get)).isNull();

        // the batch screen's list draws the same picture at its size
        StackPane small = call(() -> PresetArt.thumbnail(runway, 36, kept));
        ImageView inList = (ImageView) small.lookup("#preset-fashion-runway-reel-picture");
        assertThat(call(inList::isVisible)).isTrue();
        assertThat(call(() -> small.getChildren().get(0).isVisible()))
                .as("initials hidden")
                .isFalse();
    }

    private ImageView picture(String slug) {
        return (ImageView) robot.lookup("#preset-" + slug + "-picture").query();
    }

    private boolean pictureShown(String slug) {
        ImageView view = picture(slug);
        return view.isVisible() && view.getImage() != null && view.getImage().getProgress() >= 1;
    }

    private boolean initialsShown(String slug) {
        Node initials = robot.lookup("#preset-" + slug + " .preset-initials").query();
        return initials.isVisible();
    }

    private void screenshots(String name) {
        ThemeShots.save(robot, createFixture.stage().getScene(), name);
    }
}
