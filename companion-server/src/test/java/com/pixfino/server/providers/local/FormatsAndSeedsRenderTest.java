package com.pixfino.server.providers.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.AspectRatio;
import com.pixfino.model.MediaKind;
import com.pixfino.server.providers.ProviderPoll;
import com.pixfino.server.providers.ProviderRequest;
import com.pixfino.server.testsupport.Mp4Probe;
import com.pixfino.server.testsupport.TestDatabases;
import com.pixfino.server.testsupport.TestImages;
import com.pixfino.server.testsupport.TestPhotos;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The local renderer in a creator's format and seed (issue 14): the output has the asked ratio (±1 px) in all six
 * formats, the same photo + preset + format + seed gives the same bytes, and every preset's look changes with the
 * seed.
 */
class FormatsAndSeedsRenderTest {

    private static final BufferedImage PHOTO = TestPhotos.standard();
    private static final byte[] PHOTO_JPEG = TestImages.encode(PHOTO, "jpg");
    private static final LocalRendererProvider PROVIDER =
            new LocalRendererProvider(TestDatabases.TestDirs.fresh("formats"));
    private static List<JsonNode> catalog;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = FormatsAndSeedsRenderTest.class.getResourceAsStream("/presets/catalog.json")) {
            catalog = new ArrayList<>();
            new ObjectMapper().readTree(in).forEach(catalog::add);
        }
    }

    private static JsonNode preset(String slug) {
        return catalog.stream()
                .filter(p -> p.get("slug").asText().equals(slug))
                .findFirst()
                .orElseThrow();
    }

    private static byte[] render(JsonNode preset, MediaKind kind, AspectRatio format, Long seed) {
        ProviderRequest request = new ProviderRequest(
                UUID.randomUUID(),
                kind,
                "local",
                "",
                "",
                preset.get("recipe").toString(),
                null,
                format,
                seed,
                () -> new ProviderRequest.InputImage(PHOTO_JPEG, "image/jpeg", PHOTO.getWidth(), PHOTO.getHeight()));
        ProviderPoll answer = PROVIDER.poll(PROVIDER.submit(request), request);
        assertThat(answer).as(preset.get("slug").asText()).isInstanceOf(ProviderPoll.Succeeded.class);
        return ((ProviderPoll.Succeeded) answer).outputs().get(0).bytes();
    }

    private static BufferedImage decode(byte[] jpeg) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    private static void assertRatio(String what, int width, int height, AspectRatio format) {
        // the side computed from the other one is within a pixel of the exact ratio
        double exactHeight = (double) width * format.height() / format.width();
        double exactWidth = (double) height * format.width() / format.height();
        assertThat(Math.min(Math.abs(height - exactHeight), Math.abs(width - exactWidth)))
                .as(what + " " + width + "x" + height + " is " + format.label())
                .isLessThanOrEqualTo(1.0);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(AspectRatio.class)
    void aFramedPresetRendersInEveryFormatReproduciblyBySeed(AspectRatio format) throws Exception {
        // Vintage Polaroid: a frame around the photo, a square look of its own
        JsonNode polaroid = preset("vintage-polaroid");
        byte[] first = render(polaroid, MediaKind.IMAGE, format, 7L);
        BufferedImage image = decode(first);
        assertRatio("vintage-polaroid", image.getWidth(), image.getHeight(), format);
        assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(LocalRenderer.DEFAULT_LONG_EDGE);

        assertThat(render(polaroid, MediaKind.IMAGE, format, 7L))
                .as("same photo, preset, format and seed: the same bytes")
                .isEqualTo(first);
        assertThat(render(polaroid, MediaKind.IMAGE, format, 8L))
                .as("another seed: other bytes")
                .isNotEqualTo(first);
    }

    @Test
    void everyPresetsLookVariesWithTheSeed() throws Exception {
        for (JsonNode preset : catalog) {
            String slug = preset.get("slug").asText();
            byte[] one = render(preset, MediaKind.IMAGE, AspectRatio.SQUARE, 100L);
            byte[] again = render(preset, MediaKind.IMAGE, AspectRatio.SQUARE, 100L);
            byte[] other = render(preset, MediaKind.IMAGE, AspectRatio.SQUARE, 101L);
            assertThat(again).as(slug + " with the same seed").isEqualTo(one);
            assertThat(other).as(slug + " with another seed").isNotEqualTo(one);
            BufferedImage a = decode(one);
            BufferedImage b = decode(other);
            assertThat(com.pixfino.server.testsupport.ImageDiff.meanAbsDiff(a, b))
                    .as(slug + ": a variation, not another look")
                    .isLessThan(12.0 / 255);
        }
    }

    @Test
    void aVideoInAnAskedFormatHasItsRatioWithEvenSides() throws Exception {
        JsonNode reel = preset("fashion-runway-reel");
        byte[] mp4 = render(reel, MediaKind.VIDEO, AspectRatio.SQUARE, 5L);
        Mp4Probe probe = Mp4Probe.of(mp4);
        assertRatio("fashion-runway-reel video", probe.width(), probe.height(), AspectRatio.SQUARE);
        assertThat(probe.width() % 2).isZero();
        assertThat(probe.height() % 2).isZero();
        // the muxer's render-time stamps are zeroed: the same seed gives the same clip, whenever it is made
        assertThat(movieCreationTime(mp4)).isZero();
        assertThat(render(reel, MediaKind.VIDEO, AspectRatio.SQUARE, 5L)).isEqualTo(mp4);
    }

    /** The {@code mvhd} box's creation time (version 0: 32 bits after the version and flags). */
    private static long movieCreationTime(byte[] mp4) {
        byte[] mvhd = "mvhd".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = 0; i + 16 <= mp4.length; i++) {
            if (java.util.Arrays.equals(mp4, i, i + 4, mvhd, 0, 4)) {
                return Integer.toUnsignedLong(
                        java.nio.ByteBuffer.wrap(mp4, i + 8, 4).getInt());
            }
        }
        throw new AssertionError("no mvhd box in the clip");
    }
}
