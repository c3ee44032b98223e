package com.pixfino.server.providers.local;

import java.util.Locale;

/**
 * A preset's look for the local renderer, parsed from the preset's recipe JSON.
 * Every number is already clamped to its documented range; absent fields are neutral.
 *
 * @param duotone    shadow/highlight colours mapped from luminance, or null when off
 * @param tone       colour wash as 0xRRGGBB, or null when off
 * @param frameColor 0xRRGGBB for neon/gold frames, or null for the frame's own default
 * @param background 0xRRGGBB fill for padding and letterbox, or null to crop-to-fill instead
 * @param motion     video camera move, or null for the default (ken-burns)
 */
public record RenderRecipe(
        Aspect aspect,
        double temperature,
        double tint,
        double saturation,
        double contrast,
        double brightness,
        Curve curve,
        double vignette,
        double grain,
        double blur,
        double bloom,
        double sharpen,
        Duotone duotone,
        Integer tone,
        double toneStrength,
        int posterize,
        FrameStyle frame,
        Integer frameColor,
        Integer background,
        Motion motion,
        int seconds,
        int fps) {

    /** The look that changes nothing: square crop, no grade, no effects, no frame. */
    public static final RenderRecipe NEUTRAL = new RenderRecipe(
            Aspect.SQUARE,
            0,
            0,
            1,
            1,
            0,
            Curve.LINEAR,
            0,
            0,
            0,
            0,
            0,
            null,
            null,
            0,
            0,
            FrameStyle.NONE,
            null,
            null,
            null,
            4,
            12);

    /** Parses and validates recipe JSON; blank input gives {@link #NEUTRAL}. */
    public static RenderRecipe fromJson(String json) {
        return RecipeJson.parse(json);
    }

    /** Same look with another aspect: video needs 16:9 or 9:16 whatever the still preset says. */
    public RenderRecipe withAspect(Aspect newAspect) {
        return with(newAspect, temperature, tint, brightness, grain);
    }

    /** The least grain a seeded render gets, so that every look, even a grainless one, differs from seed to seed. */
    static final double SEEDED_GRAIN = 0.04;

    /**
     * The look for one seed: white balance and brightness jittered a little around the preset's (never enough to
     * change its character) and at least {@link #SEEDED_GRAIN} grain, whose noise the seed then draws. The same seed
     * always gives the same look.
     */
    public RenderRecipe varied(long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed ^ 0x9E37_79B9_7F4A_7C15L);
        // arguments are evaluated left to right: the seed's draws go to temperature, tint, brightness in that order
        return with(
                aspect,
                clamp(temperature + (rnd.nextDouble() - 0.5) * 0.08, -1, 1),
                clamp(tint + (rnd.nextDouble() - 0.5) * 0.04, -1, 1),
                clamp(brightness + (rnd.nextDouble() - 0.5) * 0.04, -1, 1),
                Math.max(grain, SEEDED_GRAIN));
    }

    /** This look with the fields that {@link #withAspect} and {@link #varied} change replaced. */
    private RenderRecipe with(
            Aspect newAspect, double newTemperature, double newTint, double newBrightness, double newGrain) {
        return new RenderRecipe(
                newAspect,
                newTemperature,
                newTint,
                saturation,
                contrast,
                newBrightness,
                curve,
                vignette,
                newGrain,
                blur,
                bloom,
                sharpen,
                duotone,
                tone,
                toneStrength,
                posterize,
                frame,
                frameColor,
                background,
                motion,
                seconds,
                fps);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    /** Shadow and highlight colours (0xRRGGBB) of a duotone map. */
    public record Duotone(int shadow, int highlight) {}

    /** Output width:height ratio. */
    public enum Aspect {
        SQUARE("1:1", 1, 1),
        PORTRAIT_4_5("4:5", 4, 5),
        PORTRAIT_3_4("3:4", 3, 4),
        PORTRAIT_2_3("2:3", 2, 3),
        LANDSCAPE_16_9("16:9", 16, 9),
        PORTRAIT_9_16("9:16", 9, 16),
        LANDSCAPE_3_2("3:2", 3, 2);

        private final String json;
        private final int w;
        private final int h;

        Aspect(String json, int w, int h) {
            this.json = json;
            this.w = w;
            this.h = h;
        }

        public String json() {
            return json;
        }

        public double ratio() {
            return (double) w / h;
        }

        public boolean isPortrait() {
            return h > w;
        }

        /** The renderer's aspect for a format a creator asked for (every format has one). */
        public static Aspect of(com.pixfino.model.AspectRatio format) {
            Aspect aspect = fromJson(format.label());
            if (aspect == null) {
                throw new IllegalArgumentException("no local aspect for " + format.label());
            }
            return aspect;
        }

        static Aspect fromJson(String s) {
            for (Aspect a : values()) {
                if (a.json.equals(s)) {
                    return a;
                }
            }
            return null;
        }
    }

    /** Tone curve applied after the colour grade. */
    public enum Curve {
        LINEAR,
        S_CURVE,
        FADE,
        CRUSH,
        HIGH_KEY
    }

    /** Border drawn around (or over) the photo. */
    public enum FrameStyle {
        NONE,
        THIN_WHITE,
        POLAROID,
        FILM,
        NEON,
        GOLD,
        STUDIO_WHITE
    }

    /** Camera move of a video preset. */
    public enum Motion {
        ZOOM_IN,
        ZOOM_OUT,
        PAN_LEFT,
        PAN_RIGHT,
        KEN_BURNS
    }

    /** JSON spelling of an enum constant: {@code S_CURVE} ↔ {@code "s-curve"}. */
    static String jsonName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
