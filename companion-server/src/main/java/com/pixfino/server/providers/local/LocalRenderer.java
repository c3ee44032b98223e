package com.pixfino.server.providers.local;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline provider's image pipeline: frame the photo, grade it, add effects and a frame.
 * Stateless and thread-safe; no network, no database.
 */
public final class LocalRenderer {

    public static final int DEFAULT_LONG_EDGE = 1024;
    private static final int MIN_LONG_EDGE = 64;
    private static final int MAX_LONG_EDGE = 8192;
    private static final Logger LOG = LoggerFactory.getLogger(LocalRenderer.class);

    private final VideoRenderer video = new VideoRenderer(this);

    /** Renders at the default 1024 px long edge. */
    public BufferedImage renderImage(BufferedImage photo, RenderRecipe recipe) {
        return renderImage(photo, recipe, DEFAULT_LONG_EDGE);
    }

    /** Renders the look; the result is TYPE_INT_RGB with the recipe's aspect and the given long edge. */
    public BufferedImage renderImage(BufferedImage photo, RenderRecipe recipe, int longEdge) {
        return renderImage(photo, recipe, longEdge, null);
    }

    /**
     * Renders the look for one seed (null: the preset's fixed look): the same photo, recipe, long edge and seed always
     * give the same pixels, another seed other ones (see {@link RenderRecipe#varied}).
     */
    public BufferedImage renderImage(BufferedImage photo, RenderRecipe look, int longEdge, Long seed) {
        RenderRecipe recipe = look == null || seed == null ? look : look.varied(seed);
        if (longEdge < MIN_LONG_EDGE || longEdge > MAX_LONG_EDGE) {
            throw new IllegalArgumentException(
                    "longEdge must be within " + MIN_LONG_EDGE + ".." + MAX_LONG_EDGE + ", got " + longEdge);
        }
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(recipe, "recipe");
        long start = System.nanoTime();
        Dimension size = outputSize(recipe.aspect(), longEdge);
        FramePlate plate = Frames.plate(recipe, size.width, size.height, aspectOf(photo));
        Rectangle area = plate.photoArea();
        BufferedImage graded = gradedPhoto(photo, recipe, area.width, area.height);
        Effects.lens(pixels(graded), area.width, area.height, recipe, grainSeed(seed));
        BufferedImage out = plate.compose(graded);
        LOG.debug(
                "local image rendered inW={} inH={} outW={} outH={} millis={}",
                photo.getWidth(),
                photo.getHeight(),
                size.width,
                size.height,
                (System.nanoTime() - start) / 1_000_000);
        return out;
    }

    /** Renders a 720p H.264 MP4 (1280×720, or 720×1280 for portrait aspects) with the recipe's camera move. */
    public void renderVideo(BufferedImage photo, RenderRecipe recipe, Path mp4Out) throws IOException {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(recipe, "recipe");
        video.render(photo, recipe, mp4Out, false, Effects.GRAIN_SEED);
    }

    /**
     * Renders an MP4 of about 720p's pixel count in exactly the recipe's aspect (even sides, ±1 px), with the look
     * varied by {@code seed} as stills are.
     */
    public void renderVideo(BufferedImage photo, RenderRecipe recipe, Path mp4Out, long seed) throws IOException {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(recipe, "recipe");
        video.render(photo, recipe.varied(seed), mp4Out, true, grainSeed(seed));
    }

    /** The grain noise's seed for a generation's seed; the preset's fixed one without. */
    static long grainSeed(Long seed) {
        return seed == null ? Effects.GRAIN_SEED : Effects.GRAIN_SEED ^ (seed * 0x9E37_79B9_7F4A_7C15L);
    }

    /** JPEG bytes of a rendered image; see {@link ImageCodecs#encodeJpeg}. */
    public byte[] encodeJpeg(BufferedImage image, float quality) {
        return ImageCodecs.encodeJpeg(image, quality);
    }

    /** Output size for an aspect: the long edge is exact, the short edge rounded. */
    public static Dimension outputSize(RenderRecipe.Aspect aspect, int longEdge) {
        double ratio = aspect.ratio();
        return ratio >= 1
                ? new Dimension(longEdge, (int) Math.round(longEdge / ratio))
                : new Dimension((int) Math.round(longEdge * ratio), longEdge);
    }

    /** Crop, downscale, grade and picture effects (blur, bloom, sharpen) — everything that moves with the photo. */
    BufferedImage gradedPhoto(BufferedImage photo, RenderRecipe recipe, int w, int h) {
        // a cut-out's transparency shows the padding colour, or white, never black
        Color matte = new Color(recipe.background() != null ? recipe.background() : 0xffffff);
        BufferedImage img = Framing.cover(photo, w, h, matte);
        int[] px = pixels(img);
        ColorGrade.apply(px, recipe);
        Effects.photo(px, w, h, recipe);
        return img;
    }

    static int[] pixels(BufferedImage rgb) {
        return ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    }

    static double aspectOf(BufferedImage photo) {
        return (double) photo.getWidth() / photo.getHeight();
    }
}
