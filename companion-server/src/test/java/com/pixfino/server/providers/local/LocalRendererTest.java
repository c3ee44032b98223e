package com.pixfino.server.providers.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.server.providers.local.RenderRecipe.Aspect;
import com.pixfino.server.testsupport.ImageDiff;
import com.pixfino.server.testsupport.Mp4Probe;
import com.pixfino.server.testsupport.TestPhotos;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LocalRendererTest {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRendererTest.class);

    /**
     * 8/255 (~3 %) mean absolute difference per channel: several times the error of a q=0.9 JPEG round trip
     * (~1/255) and above the ~1-2 % just-noticeable difference for large areas, so a look that clears it is
     * visibly different side by side, while a "look" that only adds compression noise would not.
     */
    private static final double VISIBLY_DIFFERENT = 8 / 255.0;

    private static BufferedImage photo;
    private final LocalRenderer renderer = new LocalRenderer();

    @BeforeAll
    static void fixture() {
        photo = TestPhotos.standard();
    }

    static List<String> looks() {
        return new ArrayList<>(LookRecipes.ALL.keySet());
    }

    @ParameterizedTest
    @EnumSource(Aspect.class)
    void outputHasTheRecipeAspectAndLongEdge(Aspect aspect) {
        for (int longEdge : new int[] {1024, 500}) {
            for (String frame : new String[] {"none", "polaroid", "studio-white"}) {
                RenderRecipe recipe =
                        RenderRecipe.fromJson("{\"aspect\":\"" + aspect.json() + "\",\"frame\":\"" + frame + "\"}");
                BufferedImage out = renderer.renderImage(photo, recipe, longEdge);

                assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
                assertThat(Math.max(out.getWidth(), out.getHeight())).isEqualTo(longEdge);
                assertThat((double) out.getWidth() / out.getHeight())
                        .isCloseTo(
                                aspect.ratio(),
                                org.assertj.core.data.Offset.offset(1.0 / Math.min(out.getWidth(), out.getHeight())));
                assertThat(out.getHeight() > out.getWidth()).isEqualTo(aspect.isPortrait());
            }
        }
    }

    @Test
    void defaultLongEdgeIs1024AndSillySizesAreRejected() {
        BufferedImage out = renderer.renderImage(photo, RenderRecipe.NEUTRAL);
        assertThat(out.getWidth()).isEqualTo(1024);
        assertThat(out.getHeight()).isEqualTo(1024);
        assertThatThrownBy(() -> renderer.renderImage(photo, RenderRecipe.NEUTRAL, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longEdge");
    }

    @ParameterizedTest
    @EnumSource(Aspect.class)
    void cropKeepsTheFaceOnTheUpperThirdLine(Aspect aspect) {
        Point2D face = Framing.findFace(photo);
        Point2D truth = TestPhotos.faceCentre(photo.getWidth(), photo.getHeight());
        assertThat(face.distance(truth)).isLessThan(photo.getWidth() * 0.05);

        Rectangle crop = Framing.crop(photo.getWidth(), photo.getHeight(), aspect.ratio(), face);
        assertThat(crop.contains(truth))
                .as("face inside the %s crop", aspect.json())
                .isTrue();
        assertThat(new Rectangle(0, 0, photo.getWidth(), photo.getHeight()).contains(crop))
                .isTrue();
    }

    @Test
    void faceLessPhotosCropAroundTheCentreOrUpperThird() {
        Rectangle landscape = Framing.crop(1600, 1200, 1.0, null);
        assertThat(landscape.getCenterY()).isEqualTo(600);
        Rectangle portrait = Framing.crop(1200, 1800, 16 / 9.0, null);
        // the crop centre sits below the upper-third line by a sixth of the crop, i.e. the line is on h/3
        assertThat(portrait.getY() + portrait.getHeight() / 3).isCloseTo(600, org.assertj.core.data.Offset.offset(2.0));
    }

    @ParameterizedTest
    @MethodSource("looks")
    void eachLookVisiblyChangesThePhoto(String look) {
        RenderRecipe recipe = RenderRecipe.fromJson(LookRecipes.ALL.get(look));
        // same crop and size as the look, nothing else: the "resized input"
        BufferedImage reference = renderer.renderImage(photo, RenderRecipe.NEUTRAL.withAspect(recipe.aspect()), 1024);
        BufferedImage out = renderer.renderImage(photo, recipe, 1024);

        double diff = ImageDiff.meanAbsDiff(reference, out);
        LOG.info("look={} diffFromInput={}", look, String.format("%.4f", diff));
        assertThat(diff).as(look).isGreaterThan(VISIBLY_DIFFERENT);
    }

    @Test
    void everyPairOfLooksIsDistinct() {
        // every look at the same square crop, so the matrix measures the look and not the framing;
        // the 256 px area-averaged copies also damp grain, which would otherwise inflate every distance
        Map<String, BufferedImage> squashed = new LinkedHashMap<>();
        LookRecipes.ALL.forEach((name, json) -> squashed.put(
                name,
                ImageDiff.squash(
                        renderer.renderImage(photo, RenderRecipe.fromJson(json).withAspect(Aspect.SQUARE), 512), 256)));
        List<String> names = new ArrayList<>(squashed.keySet());
        double[][] matrix = new double[names.size()][names.size()];
        double min = Double.MAX_VALUE;
        String closest = "";
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                double d = ImageDiff.meanAbsDiff(squashed.get(names.get(i)), squashed.get(names.get(j)));
                matrix[i][j] = d;
                matrix[j][i] = d;
                if (d < min) {
                    min = d;
                    closest = names.get(i) + " vs " + names.get(j);
                }
            }
        }
        for (int i = 0; i < names.size(); i++) {
            LOG.info(
                    "pairwise {} {}",
                    String.format("%-18s", names.get(i)),
                    Arrays.stream(matrix[i])
                            .mapToObj(d -> String.format("%.3f", d))
                            .toList());
        }
        LOG.info(
                "pairwise minimum={} ({}) = {}/255",
                String.format("%.4f", min),
                closest,
                String.format("%.1f", min * 255));
        assertThat(names).hasSizeGreaterThanOrEqualTo(12);
        assertThat(min).as("closest pair: " + closest).isGreaterThan(VISIBLY_DIFFERENT);
    }

    @Test
    void productCutOutIsShownWholeOnItsBackgroundColour() {
        BufferedImage cutOut = new BufferedImage(800, 600, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = cutOut.createGraphics();
        g.setColor(java.awt.Color.RED);
        g.fillRect(300, 200, 200, 200);
        g.dispose();

        BufferedImage out = renderer.renderImage(
                cutOut, RenderRecipe.fromJson("{\"frame\":\"studio-white\",\"background\":\"#f4d6c6\"}"), 1000);

        assertThat(out.getRGB(500, 500) & 0xffffff).as("centre of the product").isEqualTo(0xff0000);
        assertThat(out.getRGB(5, 5) & 0xffffff).as("padding").isEqualTo(0xf4d6c6);
        // transparent photo pixels take the background too, so there is no visible photo rectangle
        assertThat(out.getRGB(200, 300) & 0xffffff)
                .as("transparent area inside the photo")
                .isEqualTo(0xf4d6c6);
    }

    @Test
    void renderingIsDeterministicIncludingGrain() {
        RenderRecipe noir = RenderRecipe.fromJson(LookRecipes.ALL.get("noir"));
        BufferedImage a = renderer.renderImage(photo, noir, 640);
        BufferedImage b = renderer.renderImage(photo, noir, 640);
        assertThat(ImageDiff.meanAbsDiff(a, b)).isZero();
    }

    @Test
    void neutralRecipeLeavesPixelsUntouched() {
        BufferedImage img = Framing.cover(photo, 400, 300, java.awt.Color.WHITE);
        int[] before = LocalRenderer.pixels(img).clone();
        int[] px = LocalRenderer.pixels(img);
        ColorGrade.apply(px, RenderRecipe.NEUTRAL);
        Effects.photo(px, 400, 300, RenderRecipe.NEUTRAL);
        Effects.lens(px, 400, 300, RenderRecipe.NEUTRAL);
        assertThat(px).isEqualTo(before);
    }

    @Test
    void twelveMegapixelPhotoRendersWellUnderASecond() {
        BufferedImage big = TestPhotos.twelveMegapixel();
        RenderRecipe heavy = RenderRecipe.fromJson(LookRecipes.ALL.get("dreamy-pastel"));
        renderer.renderImage(big, heavy, 1024); // warm-up: JIT and ImageIO/Java2D loops
        long[] millis = new long[3];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            BufferedImage out = renderer.renderImage(big, heavy, 1024);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            assertThat(out.getHeight()).isEqualTo(1024);
        }
        Arrays.sort(millis);
        LOG.info("12MP render millis={} (sorted runs {})", millis[1], Arrays.toString(millis));
        assertThat(millis[1]).isLessThan(1000);
    }

    @Test
    void encodesJpegThatDecodesBack() throws IOException {
        BufferedImage out = renderer.renderImage(photo, RenderRecipe.fromJson(LookRecipes.ALL.get("vintage")), 600);
        byte[] jpeg = renderer.encodeJpeg(out, 0.9f);

        assertThat(jpeg).startsWith((byte) 0xff, (byte) 0xd8);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(new Dimension(back.getWidth(), back.getHeight())).isEqualTo(new Dimension(600, 600));
        assertThat(ImageDiff.meanAbsDiff(out, back)).isLessThan(4 / 255.0);
        assertThatThrownBy(() -> renderer.encodeJpeg(out, 1.5f)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void landscapeVideoIs720pWithEveryFrameAndVisibleMotion(@TempDir Path dir) throws Exception {
        RenderRecipe recipe = RenderRecipe.fromJson("""
                {"aspect":"1:1","temperature":0.3,"curve":"s-curve","vignette":0.4,"grain":0.2,
                 "motion":"ken-burns","seconds":4,"fps":12}""");
        Path mp4 = dir.resolve("clip.mp4");
        long start = System.nanoTime();
        renderer.renderVideo(photo, recipe, mp4);
        LOG.info(
                "video 1280x720 4s@12fps ken-burns encode millis={} bytes={}",
                (System.nanoTime() - start) / 1_000_000,
                Files.size(mp4));

        assertDecodes(mp4, 1280, 720, 48);
    }

    @Test
    void portraitVideoIsVerticalAndKeepsItsFrame(@TempDir Path dir) throws Exception {
        RenderRecipe zoom = RenderRecipe.fromJson("""
                {"aspect":"4:5","duotone":["#ff00aa","#00e5ff"],"frame":"neon","motion":"zoom-in","seconds":3,"fps":10}""");
        Path mp4 = dir.resolve("vertical.mp4");
        renderer.renderVideo(photo, zoom, mp4);

        assertDecodes(mp4, 720, 1280, 30);
    }

    /** Decodes every frame with JCodec: the size, the count, an MP4 (not QuickTime) brand, and first ≠ last. */
    private static void assertDecodes(Path mp4, int width, int height, int frames) throws Exception {
        Mp4Probe probe = Mp4Probe.of(Files.readAllBytes(mp4));
        assertThat(probe.brand()).startsWith("ftyp").doesNotEndWith("qt  ");
        assertThat(probe.frames()).isEqualTo(frames);
        assertThat(probe.width()).isEqualTo(width);
        assertThat(probe.height()).isEqualTo(height);
        double motion = ImageDiff.meanAbsDiff(probe.first(), probe.last());
        LOG.info("video firstVsLast={}", String.format("%.4f", motion));
        assertThat(motion).as("first and last frame differ").isGreaterThan(VISIBLY_DIFFERENT);
    }
}
