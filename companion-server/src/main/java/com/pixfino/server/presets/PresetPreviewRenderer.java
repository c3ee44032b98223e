package com.pixfino.server.presets;

import com.pixfino.model.PresetCategory;
import com.pixfino.server.db.jooq.tables.records.PresetsRecord;
import com.pixfino.server.providers.local.LocalRenderer;
import com.pixfino.server.providers.local.RenderRecipe;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A preset's preview picture: its look applied by the local renderer to the sample photo that suits its category (the
 * product photo for product and video-ad presets, the portrait for the others), square so every tile of the browser
 * shows the whole picture, frames included. The same preset always gives the same bytes. Thread-safe.
 */
public final class PresetPreviewRenderer {

    /** Previews are this many pixels wide and high. */
    public static final int EDGE = 384;

    static final String PORTRAIT = "/presets/samples/portrait-eileen-collins.png";
    static final String PRODUCT = "/presets/samples/product-coffee-cup.png";
    private static final float JPEG_QUALITY = 0.85f;

    private final LocalRenderer renderer = new LocalRenderer();
    private volatile BufferedImage portrait;
    private volatile BufferedImage product;

    /** JPEG bytes of the preset's preview; a recipe the renderer cannot read previews as the plain photo. */
    public byte[] render(PresetsRecord preset) {
        RenderRecipe recipe;
        try {
            recipe = RenderRecipe.fromJson(preset.getRecipe());
        } catch (IllegalArgumentException e) {
            recipe = RenderRecipe.NEUTRAL;
        }
        BufferedImage image = renderer.renderImage(
                photoFor(preset.getCategory()), recipe.withAspect(RenderRecipe.Aspect.SQUARE), EDGE, null);
        return renderer.encodeJpeg(image, JPEG_QUALITY);
    }

    /** The sample photo a preset of this category is previewed on. */
    static String sampleFor(PresetCategory category) {
        return category == PresetCategory.PRODUCT || category == PresetCategory.VIDEO_AD ? PRODUCT : PORTRAIT;
    }

    private BufferedImage photoFor(PresetCategory category) {
        if (sampleFor(category).equals(PRODUCT)) {
            BufferedImage photo = product;
            if (photo == null) {
                product = photo = read(PRODUCT);
            }
            return photo;
        }
        BufferedImage photo = portrait;
        if (photo == null) {
            portrait = photo = read(PORTRAIT);
        }
        return photo;
    }

    private static BufferedImage read(String resource) {
        try (InputStream in = PresetPreviewRenderer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the server jar");
            }
            BufferedImage photo = ImageIO.read(in);
            if (photo == null) {
                throw new IllegalStateException(resource + " is not an image ImageIO can read");
            }
            return photo;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource + " failed", e);
        }
    }
}
