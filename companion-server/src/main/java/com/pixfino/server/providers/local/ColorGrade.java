package com.pixfino.server.providers.local;

import com.pixfino.server.providers.local.RenderRecipe.Curve;

/** Colour grade on packed 0xRRGGBB pixels: white balance, saturation, tone curve, duotone/tone wash, posterize. */
final class ColorGrade {

    private ColorGrade() {}

    /** Grades in place; every per-value step is a 256-entry table so a megapixel costs a few milliseconds. */
    static void apply(int[] px, RenderRecipe r) {
        int[] wbR = whiteBalance(1 + 0.30 * r.temperature() + 0.05 * r.tint(), 15 * r.temperature());
        int[] wbG = whiteBalance(1 - 0.20 * r.tint(), -8 * r.tint());
        int[] wbB = whiteBalance(1 - 0.30 * r.temperature() + 0.05 * r.tint(), -15 * r.temperature());
        int[] tone = toneCurve(r.brightness(), r.contrast(), r.curve());
        int sat = (int) Math.round(r.saturation() * 256);
        int[] duo = r.duotone() == null
                ? null
                : duotone(r.duotone().shadow(), r.duotone().highlight());
        int[][] wash = r.tone() == null || r.toneStrength() == 0 ? null : wash(r.tone(), r.toneStrength());
        int[] post = r.posterize() == 0 ? null : posterize(r.posterize());

        for (int i = 0; i < px.length; i++) {
            int c = px[i];
            int red = wbR[(c >> 16) & 0xff];
            int green = wbG[(c >> 8) & 0xff];
            int blue = wbB[c & 0xff];
            if (sat != 256) {
                // saturation in RGB around Rec.601 luma: cheaper than HSL and keeps luminance
                int l = (77 * red + 150 * green + 29 * blue) >> 8;
                red = clamp(l + (((red - l) * sat) >> 8));
                green = clamp(l + (((green - l) * sat) >> 8));
                blue = clamp(l + (((blue - l) * sat) >> 8));
            }
            red = tone[red];
            green = tone[green];
            blue = tone[blue];
            if (duo != null) {
                int d = duo[(77 * red + 150 * green + 29 * blue) >> 8];
                red = (d >> 16) & 0xff;
                green = (d >> 8) & 0xff;
                blue = d & 0xff;
            }
            if (wash != null) {
                red = wash[0][red];
                green = wash[1][green];
                blue = wash[2][blue];
            }
            if (post != null) {
                red = post[red];
                green = post[green];
                blue = post[blue];
            }
            px[i] = (red << 16) | (green << 8) | blue;
        }
    }

    private static int[] whiteBalance(double gain, double offset) {
        int[] lut = new int[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = clamp((int) Math.round(v * gain + offset));
        }
        return lut;
    }

    /** Brightness as a gamma (never clips), contrast around mid-grey, then the named curve. */
    static int[] toneCurve(double brightness, double contrast, Curve curve) {
        double gamma = Math.pow(2, -1.2 * brightness);
        int[] lut = new int[256];
        for (int v = 0; v < 256; v++) {
            double x = Math.pow(v / 255.0, gamma);
            x = 0.5 + (x - 0.5) * contrast;
            x = curve(Math.max(0, Math.min(1, x)), curve);
            lut[v] = clamp((int) Math.round(x * 255));
        }
        return lut;
    }

    private static double curve(double x, Curve curve) {
        double smooth = x * x * (3 - 2 * x);
        return switch (curve) {
            case LINEAR -> x;
            case S_CURVE -> x + 0.7 * (smooth - x);
            // matte film look: blacks lifted to ~12%, whites held below ~92%
            case FADE -> 0.12 + 0.80 * (x + 0.3 * (smooth - x));
            case CRUSH -> Math.pow(Math.max(0, (x - 0.10) / 0.90), 1.3);
            case HIGH_KEY -> 1 - Math.pow(1 - x, 1.9);
        };
    }

    /** Luminance 0..255 → colour on the line from the shadow colour to the highlight colour. */
    private static int[] duotone(int shadow, int highlight) {
        int[] lut = new int[256];
        for (int l = 0; l < 256; l++) {
            int r = lerp((shadow >> 16) & 0xff, (highlight >> 16) & 0xff, l);
            int g = lerp((shadow >> 8) & 0xff, (highlight >> 8) & 0xff, l);
            int b = lerp(shadow & 0xff, highlight & 0xff, l);
            lut[l] = (r << 16) | (g << 8) | b;
        }
        return lut;
    }

    /** Overlay-blends the wash colour per channel, so it tints mid-tones while keeping shadows and highlights. */
    private static int[][] wash(int colour, double strength) {
        int[][] luts = new int[3][256];
        for (int ch = 0; ch < 3; ch++) {
            double t = ((colour >> (16 - 8 * ch)) & 0xff) / 255.0;
            for (int v = 0; v < 256; v++) {
                double b = v / 255.0;
                double overlay = b < 0.5 ? 2 * b * t : 1 - 2 * (1 - b) * (1 - t);
                luts[ch][v] = clamp((int) Math.round(255 * (b + strength * (overlay - b))));
            }
        }
        return luts;
    }

    private static int[] posterize(int levels) {
        int[] lut = new int[256];
        for (int v = 0; v < 256; v++) {
            int step = Math.min(levels - 1, v * levels / 256);
            lut[v] = step * 255 / (levels - 1);
        }
        return lut;
    }

    private static int lerp(int a, int b, int t255) {
        return a + (b - a) * t255 / 255;
    }

    static int clamp(int v) {
        return v < 0 ? 0 : (v > 255 ? 255 : v);
    }
}
