package com.pixfino.server.providers.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.MediaKind;
import com.pixfino.server.providers.ProviderPoll;
import com.pixfino.server.providers.ProviderRequest;
import com.pixfino.server.testsupport.ImageDiff;
import com.pixfino.server.testsupport.Mp4Probe;
import com.pixfino.server.testsupport.TestDatabases;
import com.pixfino.server.testsupport.TestImages;
import com.pixfino.server.testsupport.TestPhotos;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every preset the server seeds, rendered by the local renderer from one fixture photo: the right size
 * and format, visibly changed from the photo, and visibly different from every other preset.
 */
class SeededPresetsRenderTest {

    // mean absolute difference per channel on a 0..1 scale; 8/255 is a change anyone sees side by side
    private static final double VISIBLY_DIFFERENT = 8.0 / 255;
    private static final BufferedImage PHOTO = TestPhotos.standard();
    private static final byte[] PHOTO_JPEG = TestImages.encode(PHOTO, "jpg");
    private static List<JsonNode> catalog;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = SeededPresetsRenderTest.class.getResourceAsStream("/presets/catalog.json")) {
            catalog = new ArrayList<>();
            new ObjectMapper().readTree(in).forEach(catalog::add);
        }
    }

    private static ProviderPoll.Output render(JsonNode preset) {
        LocalRendererProvider provider = new LocalRendererProvider(TestDatabases.TestDirs.fresh("render"));
        ProviderRequest request = new ProviderRequest(
                UUID.randomUUID(),
                MediaKind.valueOf(preset.get("kind").asText()),
                "local",
                "",
                "",
                preset.get("recipe").toString(),
                null,
                () -> new ProviderRequest.InputImage(PHOTO_JPEG, "image/jpeg", PHOTO.getWidth(), PHOTO.getHeight()));
        ProviderPoll answer = provider.poll(provider.submit(request), request);
        assertThat(answer).as(preset.get("slug").asText()).isInstanceOf(ProviderPoll.Succeeded.class);
        return ((ProviderPoll.Succeeded) answer).outputs().get(0);
    }

    @Test
    void everyPhotoPresetRendersAtItsAspectAndLooksLikeNoOtherPreset() throws Exception {
        Map<String, BufferedImage> squashed = new LinkedHashMap<>();
        for (JsonNode preset : catalog) {
            if (!preset.get("kind").asText().equals("IMAGE")) {
                continue;
            }
            String slug = preset.get("slug").asText();
            ProviderPoll.Output output = render(preset);
            assertThat(output.contentType()).isEqualTo("image/jpeg");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(output.bytes()));
            RenderRecipe recipe = RenderRecipe.fromJson(preset.get("recipe").toString());
            Dimension expected = LocalRenderer.outputSize(recipe.aspect(), LocalRenderer.DEFAULT_LONG_EDGE);
            assertThat(image.getWidth()).as(slug + " width").isEqualTo(expected.width);
            assertThat(image.getHeight()).as(slug + " height").isEqualTo(expected.height);

            BufferedImage plain = ImageDiff.squash(PHOTO, 128);
            BufferedImage look = ImageDiff.squash(image, 128);
            assertThat(ImageDiff.meanAbsDiff(plain, look))
                    .as(slug + " differs from the photo")
                    .isGreaterThan(VISIBLY_DIFFERENT);
            squashed.put(slug, look);
        }
        assertThat(squashed).hasSizeGreaterThanOrEqualTo(20);
        List<String> slugs = new ArrayList<>(squashed.keySet());
        List<String> lookAlikes = new ArrayList<>();
        for (int i = 0; i < slugs.size(); i++) {
            for (int j = i + 1; j < slugs.size(); j++) {
                double diff = ImageDiff.meanAbsDiff(squashed.get(slugs.get(i)), squashed.get(slugs.get(j)));
                if (diff <= VISIBLY_DIFFERENT) {
                    lookAlikes.add(slugs.get(i) + " vs " + slugs.get(j) + String.format(" = %.1f/255", diff * 255));
                }
            }
        }
        assertThat(lookAlikes).as("presets that look alike").isEmpty();
    }

    @Test
    void everyVideoPresetRendersAnMp4WithTheExpectedFrames() throws Exception {
        int videos = 0;
        for (JsonNode preset : catalog) {
            if (!preset.get("kind").asText().equals("VIDEO")) {
                continue;
            }
            String slug = preset.get("slug").asText();
            RenderRecipe recipe = RenderRecipe.fromJson(preset.get("recipe").toString());
            ProviderPoll.Output output = render(preset);
            assertThat(output.contentType()).isEqualTo("video/mp4");
            Mp4Probe probe = Mp4Probe.of(output.bytes());
            assertThat(probe.brand()).as(slug).startsWith("ftyp");
            assertThat(probe.frames()).as(slug + " frames").isEqualTo(recipe.seconds() * recipe.fps());
            assertThat(Math.max(probe.width(), probe.height()))
                    .as(slug + " is 720p")
                    .isEqualTo(1280);
            assertThat(Math.min(probe.width(), probe.height())).isEqualTo(720);
            assertThat(recipe.seconds()).isBetween(3, 5);
            assertThat(ImageDiff.meanAbsDiff(probe.first(), probe.last()))
                    .as(slug + " moves")
                    .isGreaterThan(VISIBLY_DIFFERENT / 4);
            videos++;
        }
        assertThat(videos).isGreaterThanOrEqualTo(5);
    }
}
