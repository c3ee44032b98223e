package com.pixfino.server.providers.local;

/** Separable box blurs on packed 0xRRGGBB pixels; three box passes approximate a gaussian. */
final class Blur {

    /** Short side of the working copy for wide blurs: big enough to look smooth, small enough to be ~free. */
    private static final int WORKING_SHORT_SIDE = 240;

    private Blur() {}

    /** A full-size copy blurred with a radius of {@code radiusFraction} × the short side, computed on a downscaled copy. */
    static int[] wide(int[] px, int w, int h, double radiusFraction) {
        int factor = Math.max(1, Math.min(w, h) / WORKING_SHORT_SIDE);
        int sw = (w + factor - 1) / factor;
        int sh = (h + factor - 1) / factor;
        int[] small = downsample(px, w, h, factor, sw, sh);
        int radius = Math.max(1, (int) Math.round(radiusFraction * Math.min(sw, sh) / 3.0));
        int[] blurred = box(small, sw, sh, radius, 3);
        return upsample(blurred, sw, sh, w, h);
    }

    /** Box-blurs {@code passes} times with the given radius and returns a new array. */
    static int[] box(int[] px, int w, int h, int radius, int passes) {
        int[] a = px.clone();
        int[] tmp = new int[px.length];
        for (int p = 0; p < passes; p++) {
            pass(a, tmp, w, h, radius, 1, w);
            pass(tmp, a, h, w, radius, w, 1);
        }
        return a;
    }

    /** One running-sum pass along lines of {@code len} pixels spaced {@code step}; edges repeat the border pixel. */
    private static void pass(int[] src, int[] dst, int len, int lines, int r, int step, int lineStep) {
        int window = 2 * r + 1;
        for (int line = 0; line < lines; line++) {
            int base = line * lineStep;
            int sr = 0;
            int sg = 0;
            int sb = 0;
            for (int i = -r; i <= r; i++) {
                int c = src[base + clamp(i, len) * step];
                sr += (c >> 16) & 0xff;
                sg += (c >> 8) & 0xff;
                sb += c & 0xff;
            }
            for (int i = 0; i < len; i++) {
                dst[base + i * step] = ((sr / window) << 16) | ((sg / window) << 8) | (sb / window);
                int out = src[base + clamp(i - r, len) * step];
                int in = src[base + clamp(i + r + 1, len) * step];
                sr += ((in >> 16) & 0xff) - ((out >> 16) & 0xff);
                sg += ((in >> 8) & 0xff) - ((out >> 8) & 0xff);
                sb += (in & 0xff) - (out & 0xff);
            }
        }
    }

    private static int clamp(int i, int len) {
        return i < 0 ? 0 : (i >= len ? len - 1 : i);
    }

    /** Averages factor×factor blocks (true area average, so no aliasing sparkle in the blur). */
    static int[] downsample(int[] px, int w, int h, int factor, int sw, int sh) {
        int[] out = new int[sw * sh];
        for (int sy = 0; sy < sh; sy++) {
            int y0 = sy * factor;
            int y1 = Math.min(h, y0 + factor);
            for (int sx = 0; sx < sw; sx++) {
                int x0 = sx * factor;
                int x1 = Math.min(w, x0 + factor);
                int r = 0;
                int g = 0;
                int b = 0;
                for (int y = y0; y < y1; y++) {
                    int row = y * w;
                    for (int x = x0; x < x1; x++) {
                        int c = px[row + x];
                        r += (c >> 16) & 0xff;
                        g += (c >> 8) & 0xff;
                        b += c & 0xff;
                    }
                }
                int n = (y1 - y0) * (x1 - x0);
                out[sy * sw + sx] = ((r / n) << 16) | ((g / n) << 8) | (b / n);
            }
        }
        return out;
    }

    /** Bilinear upsample with pixel centres aligned, so the blurred copy does not drift against the sharp one. */
    static int[] upsample(int[] small, int sw, int sh, int w, int h) {
        int[] out = new int[w * h];
        double sx = (double) sw / w;
        double sy = (double) sh / h;
        for (int y = 0; y < h; y++) {
            double fy = Math.max(0, (y + 0.5) * sy - 0.5);
            int y0 = Math.min((int) fy, sh - 1);
            int y1 = Math.min(y0 + 1, sh - 1);
            int wy = (int) ((fy - y0) * 256);
            for (int x = 0; x < w; x++) {
                double fx = Math.max(0, (x + 0.5) * sx - 0.5);
                int x0 = Math.min((int) fx, sw - 1);
                int x1 = Math.min(x0 + 1, sw - 1);
                int wx = (int) ((fx - x0) * 256);
                out[y * w + x] = bilerp(
                        small[y0 * sw + x0], small[y0 * sw + x1], small[y1 * sw + x0], small[y1 * sw + x1], wx, wy);
            }
        }
        return out;
    }

    private static int bilerp(int c00, int c10, int c01, int c11, int wx, int wy) {
        int r = lerp2(c00 >> 16 & 0xff, c10 >> 16 & 0xff, c01 >> 16 & 0xff, c11 >> 16 & 0xff, wx, wy);
        int g = lerp2(c00 >> 8 & 0xff, c10 >> 8 & 0xff, c01 >> 8 & 0xff, c11 >> 8 & 0xff, wx, wy);
        int b = lerp2(c00 & 0xff, c10 & 0xff, c01 & 0xff, c11 & 0xff, wx, wy);
        return (r << 16) | (g << 8) | b;
    }

    private static int lerp2(int a, int b, int c, int d, int wx, int wy) {
        int top = a * (256 - wx) + b * wx;
        int bottom = c * (256 - wx) + d * wx;
        return (top * (256 - wy) + bottom * wy) >> 16;
    }
}
