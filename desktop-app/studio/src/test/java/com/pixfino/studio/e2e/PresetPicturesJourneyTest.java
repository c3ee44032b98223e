package com.pixfino.studio.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.studio.testsupport.RealCompanion;
import com.pixfino.studio.testsupport.RealStudio;
import com.pixfino.studio.testsupport.StudioHarness;
import com.pixfino.studio.testsupport.SwitchableLink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server's rendered preset previews in the real studio: on the Create screen's tiles and in the batch
 * screen's preset list, kept on disk, and shown again after a restart while the server cannot be reached.
 */
class PresetPicturesJourneyTest {

    private static final String PASSWORD = "Sunset-Lake-42";
    private static final List<String> SHOWN = List.of("snow-princess", "vintage-polaroid", "product-white");

    @RegisterExtension
    static final RealStudio real = RealStudio.serverPerTest(RealCompanion::withPresetPreviews);

    private SwitchableLink link;
    private StudioHarness studio;

    @Test
    void theRenderedPreviewsShowOnTilesAndInTheBatchListAndOfflineAfterARestart(@TempDir Path home) throws Exception {
        real.server().awaitPresetPreviews();
        link = real.link();
        studio = real.open(home, link.url());
        studio.register("Pia", "pictures-" + UUID.randomUUID() + "@example.com", PASSWORD);
        studio.click("nav-create");
        for (String slug : SHOWN) {
            studio.await(slug + "'s picture", () -> pictureShown("#preset-" + slug + "-picture"));
        }
        studio.screenshotBothThemes("create-preset-pictures-real");

        studio.click("nav-batch");
        studio.await(
                "the batch list's picture",
                () -> pictureShown("#batch-preset-snow-princess #preset-snow-princess-picture"));
        studio.screenshotBothThemes("batch-preset-pictures");
        try (Stream<Path> files = Files.walk(home)) {
            assertThat(files.map(file -> file.getFileName().toString())
                            .filter(name -> name.matches("\\d+-[0-9a-f]{64}\\.jpg")))
                    .as("kept by id and ETag")
                    .hasSizeGreaterThanOrEqualTo(SHOWN.size());
        }

        link.down();
        studio.close();
        studio = real.open(home, link.url());
        studio.awaitShowing("offline-banner");
        studio.click("nav-create");
        for (String slug : SHOWN) {
            studio.await(slug + "'s kept picture", () -> pictureShown("#preset-" + slug + "-picture"));
        }
    }

    private boolean pictureShown(String query) {
        return StudioHarness.call(() -> studio.robot()
                .lookup(query)
                .tryQuery()
                .filter(Node::isVisible)
                .map(node -> ((ImageView) node).getImage())
                .filter(image -> image != null && image.getProgress() >= 1 && !image.isError())
                .isPresent());
    }
}
