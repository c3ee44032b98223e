package com.pixfino.server.providers.local;

import java.util.SplittableRandom;

/**
 * Spatial effects on packed 0xRRGGBB pixels. "Photo" effects belong to the picture (they pan and zoom
 * with it in a video); "lens" effects belong to the viewport (vignette and grain stay put on screen).
 */
final class Effects {

    /** Fixed seed: grain is part of the look, so the same recipe on the same photo must give the same bytes. */
    static final long GRAIN_SEED = 0x5EED_F11FL;

    private Effects() {}

    static void photo(int[] px, int w, int h, RenderRecipe r) {
        if (r.blur() > 0) {
            dreamy(px, w, h, r.blur());
        }
        if (r.bloom() > 0) {
            bloom(px, w, h, r.bloom());
        }
        if (r.sharpen() > 0) {
            sharpen(px, w, h, r.sharpen());
        }
    }

    /** Vignette and grain: applied in output space, so they stay put while a video pans. */
    static void lens(int[] px, int w, int h, RenderRecipe r) {
        lens(px, w, h, r, GRAIN_SEED);
    }

    /** Vignette and grain whose noise {@code grainSeed} draws: one generation's seed gives one grain. */
    static void lens(int[] px, int w, int h, RenderRecipe r, long grainSeed) {
        if (r.vignette() > 0) {
            vignette(px, w, h, r.vignette());
        }
        if (r.grain() > 0) {
            grain(px, r.grain(), grainSeed);
        }
    }

    private static void dreamy(int[] px, int w, int h, double amount) {
        int[] soft = Blur.wide(px, w, h, 0.035);
        int mix = (int) Math.round(amount * 256);
        for (int i = 0; i < px.length; i++) {
            int a = px[i];
            int b = soft[i];
            px[i] = (mixChannel(a >> 16 & 0xff, b >> 16 & 0xff, mix) << 16)
                    | (mixChannel(a >> 8 & 0xff, b >> 8 & 0xff, mix) << 8)
                    | mixChannel(a & 0xff, b & 0xff, mix);
        }
    }

    /** Highlights above ~55% luminance, blurred wide and screened back on: the glow of bright areas. */
    private static void bloom(int[] px, int w, int h, double amount) {
        int[] bright = new int[px.length];
        for (int i = 0; i < px.length; i++) {
            int c = px[i];
            int l = (77 * (c >> 16 & 0xff) + 150 * (c >> 8 & 0xff) + 29 * (c & 0xff)) >> 8;
            int k = Math.max(0, l - 140) * 256 / 115;
            bright[i] = (((c >> 16 & 0xff) * k >> 8) << 16) | (((c >> 8 & 0xff) * k >> 8) << 8) | ((c & 0xff) * k >> 8);
        }
        int[] glow = Blur.wide(bright, w, h, 0.08);
        int gain = (int) Math.round(amount * 1.6 * 256);
        for (int i = 0; i < px.length; i++) {
            int a = px[i];
            int g = glow[i];
            px[i] = (screen(a >> 16 & 0xff, g >> 16 & 0xff, gain) << 16)
                    | (screen(a >> 8 & 0xff, g >> 8 & 0xff, gain) << 8)
                    | screen(a & 0xff, g & 0xff, gain);
        }
    }

    /** Unsharp mask with a 3×3 box: crisp edges at output size without ringing halos. */
    private static void sharpen(int[] px, int w, int h, double amount) {
        int[] soft = Blur.box(px, w, h, 1, 1);
        int k = (int) Math.round(amount * 2 * 256);
        for (int i = 0; i < px.length; i++) {
            int a = px[i];
            int b = soft[i];
            px[i] = (unsharp(a >> 16 & 0xff, b >> 16 & 0xff, k) << 16)
                    | (unsharp(a >> 8 & 0xff, b >> 8 & 0xff, k) << 8)
                    | unsharp(a & 0xff, b & 0xff, k);
        }
    }

    private static void vignette(int[] px, int w, int h, double amount) {
        double cx = w / 2.0;
        double cy = h / 2.0;
        for (int y = 0; y < h; y++) {
            double dy = (y + 0.5 - cy) / cy;
            for (int x = 0; x < w; x++) {
                double dx = (x + 0.5 - cx) / cx;
                // 0 at the centre, 1 in the corners; the falloff starts a third of the way out
                double d = Math.sqrt((dx * dx + dy * dy) / 2);
                double t = Math.max(0, Math.min(1, (d - 0.3) / 0.75));
                int f = (int) Math.round(256 * (1 - 0.8 * amount * t * t * (3 - 2 * t)));
                int c = px[y * w + x];
                px[y * w + x] =
                        (((c >> 16 & 0xff) * f >> 8) << 16) | (((c >> 8 & 0xff) * f >> 8) << 8) | ((c & 0xff) * f >> 8);
            }
        }
    }

    /** Monochrome triangular noise, strongest in the mid-tones as with film. */
    private static void grain(int[] px, double amount, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int amp = (int) Math.round(amount * 0.22 * 256);
        for (int i = 0; i < px.length; i++) {
            int c = px[i];
            int l = (77 * (c >> 16 & 0xff) + 150 * (c >> 8 & 0xff) + 29 * (c & 0xff)) >> 8;
            int midtone = 100 + 4 * l * (255 - l) / 255 * 156 / 255;
            int n = ((rnd.nextInt(256) + rnd.nextInt(256) - 255) * amp >> 8) * midtone >> 8;
            px[i] = (ColorGrade.clamp((c >> 16 & 0xff) + n) << 16)
                    | (ColorGrade.clamp((c >> 8 & 0xff) + n) << 8)
                    | ColorGrade.clamp((c & 0xff) + n);
        }
    }

    private static int mixChannel(int a, int b, int mix256) {
        return a + ((b - a) * mix256 >> 8);
    }

    private static int screen(int a, int glow, int gain256) {
        int g = Math.min(255, glow * gain256 >> 8);
        return 255 - ((255 - a) * (255 - g) / 255);
    }

    private static int unsharp(int a, int blurred, int k256) {
        return ColorGrade.clamp(a + ((a - blurred) * k256 >> 8));
    }
}
