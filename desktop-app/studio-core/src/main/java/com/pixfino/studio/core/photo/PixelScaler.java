package com.pixfino.studio.core.photo;

import java.util.Arrays;

/**
 * Shrinks {@link Pixels} with a separable convolution whose kernel widens with the reduction (as Pillow and libvips
 * do), so every source pixel counts and nothing aliases. Integer arithmetic throughout: the same pixels always give the
 * same result, on every machine.
 */
final class PixelScaler {

    /** The kernel, stretched by the reduction factor. */
    enum Filter {
        /** Triangle: each output pixel a weighted area average; soft, cheapest. */
        TRIANGLE(1.0),
        /** Catmull-Rom cubic: sharper edges for twice the taps of the triangle. */
        CUBIC(2.0);

        private final double support;

        Filter(double support) {
            this.support = support;
        }

        double weight(double x) {
            double d = Math.abs(x);
            return switch (this) {
                case TRIANGLE -> d < 1.0 ? 1.0 - d : 0.0;
                case CUBIC -> {
                    final double a = -0.5;
                    if (d < 1.0) {
                        yield ((a + 2.0) * d - (a + 3.0)) * d * d + 1.0;
                    }
                    yield d < 2.0 ? (((d - 5.0) * d + 8.0) * d - 4.0) * a : 0.0;
                }
            };
        }
    }

    // Fixed point: weights carry 14 fraction bits. A column sum (pixel x 2^14) is cut to pixel x 2^8 before the row
    // pass, whose sums then stay below 2^31 even with the cubic's negative lobes (at most 1.25 x 255 x 2^8 x 2^14).
    private static final int BITS = 14;
    private static final int COLUMN_SHIFT = 6;
    private static final int ROW_SHIFT = 2 * BITS - COLUMN_SHIFT;

    private final Filter filter;

    PixelScaler(Filter filter) {
        this.filter = filter;
    }

    /** {@code source} scaled to exactly {@code width} × {@code height} (each at most the source's). */
    Pixels scale(Pixels source, int width, int height) {
        return scale(source, width, height, ExifOrientation.NORMAL);
    }

    /**
     * {@code source} scaled to {@code width} × {@code height} and then turned upright by an EXIF orientation in the
     * same pass: each output row is written straight to where the orientation puts it.
     */
    Pixels scale(Pixels source, int width, int height, int orientation) {
        int c = source.channels();
        int row = source.width() * c;
        Kernel columns = kernel(source.height(), height);
        Kernel rows = kernel(source.width(), width);
        byte[] in = source.data();
        byte[] out = new byte[width * height * c];
        int[] walk = ExifOrientation.destination(orientation, width, height);
        int[] sums = new int[row];
        // One output row at a time: the column pass fills an int row (whole rows at once, so it vectorises), the row
        // pass reads it; no intermediate image. Source rows are widened to int once each, in a ring as deep as the
        // kernel: the JIT vectorises int loops, not byte-to-int ones.
        int[][] ring = new int[columns.stride][row];
        int[] held = new int[columns.stride];
        Arrays.fill(held, -1);
        for (int y = 0; y < height; y++) {
            Arrays.fill(sums, 1 << (COLUMN_SHIFT - 1));
            int wi = y * columns.stride;
            for (int t = 0; t < columns.taps[y]; t++) {
                int sourceRow = columns.start[y] + t;
                int slot = sourceRow % columns.stride;
                int[] widened = ring[slot];
                if (held[slot] != sourceRow) {
                    int p = sourceRow * row;
                    for (int i = 0; i < row; i++) {
                        widened[i] = in[p + i] & 0xFF;
                    }
                    held[slot] = sourceRow;
                }
                int wt = columns.weights[wi + t];
                for (int i = 0; i < row; i++) {
                    sums[i] += widened[i] * wt;
                }
            }
            for (int i = 0; i < row; i++) {
                sums[i] >>= COLUMN_SHIFT;
            }
            filterRow(sums, rows, c, out, (walk[0] + y * walk[2]) * c, walk[1] * c);
        }
        return ExifOrientation.swapsAxes(orientation)
                ? new Pixels(out, height, width, c)
                : new Pixels(out, width, height, c);
    }

    /** For each output position: where its taps start in the source, how many there are, and their weights. */
    private record Kernel(int[] start, int[] taps, int[] weights, int stride) {}

    private Kernel kernel(int in, int out) {
        double scale = (double) in / out;
        double stretch = Math.max(scale, 1.0);
        double support = filter.support * stretch;
        int stride = (int) Math.ceil(support) * 2 + 1;
        int[] start = new int[out];
        int[] taps = new int[out];
        int[] weights = new int[out * stride];
        double[] w = new double[stride];
        for (int o = 0; o < out; o++) {
            double centre = (o + 0.5) * scale;
            int from = Math.max(0, (int) (centre - support + 0.5));
            int to = Math.min(in, (int) (centre + support + 0.5));
            int n = Math.min(to - from, stride);
            double total = 0;
            for (int k = 0; k < n; k++) {
                w[k] = filter.weight((from + k - centre + 0.5) / stretch);
                total += w[k];
            }
            start[o] = from;
            taps[o] = n;
            for (int k = 0; k < n; k++) {
                weights[o * stride + k] = (int) Math.round(w[k] / total * (1 << BITS));
            }
        }
        return new Kernel(start, taps, weights, stride);
    }

    /** Filters one row of column sums into {@code out}, pixel after pixel from {@code o}, {@code step} bytes apart. */
    private static void filterRow(int[] in, Kernel k, int c, byte[] out, int o, int step) {
        int[] start = k.start;
        int[] taps = k.taps;
        int[] weights = k.weights;
        int stride = k.stride;
        int half = 1 << (ROW_SHIFT - 1);
        for (int x = 0; x < start.length; x++) {
            int base = start[x] * c;
            int wi = x * stride;
            int n = taps[x];
            if (c == 3) {
                int s0 = half;
                int s1 = half;
                int s2 = half;
                for (int t = 0, p = base; t < n; t++, p += 3) {
                    int wt = weights[wi + t];
                    s0 += in[p] * wt;
                    s1 += in[p + 1] * wt;
                    s2 += in[p + 2] * wt;
                }
                out[o] = clip(s0);
                out[o + 1] = clip(s1);
                out[o + 2] = clip(s2);
            } else {
                for (int ch = 0; ch < c; ch++) {
                    int s = half;
                    for (int t = 0, p = base + ch; t < n; t++, p += c) {
                        s += in[p] * weights[wi + t];
                    }
                    out[o + ch] = clip(s);
                }
            }
            o += step;
        }
    }

    private static byte clip(int sum) {
        return (byte) Math.max(0, Math.min(sum >> ROW_SHIFT, 255));
    }
}
