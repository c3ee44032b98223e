package com.pixfino.studio.core.photo;

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

    private static final int BITS = 22; // 8-bit samples times weights below 2^22 stay inside an int with room to spare
    private static final int HALF = 1 << (BITS - 1);

    private final Filter filter;

    PixelScaler(Filter filter) {
        this.filter = filter;
    }

    /** {@code source} scaled to exactly {@code width} × {@code height} (each at most the source's). */
    Pixels scale(Pixels source, int width, int height) {
        Pixels wide = source.width() == width ? source : horizontal(source, kernel(source.width(), width));
        return wide.height() == height ? wide : vertical(wide, kernel(wide.height(), height));
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

    private static Pixels horizontal(Pixels src, Kernel k) {
        int c = src.channels();
        int outW = k.start.length;
        int h = src.height();
        byte[] in = src.data();
        byte[] out = new byte[outW * h * c];
        int inRow = src.width() * c;
        for (int y = 0; y < h; y++) {
            int rowIn = y * inRow;
            int o = y * outW * c;
            for (int x = 0; x < outW; x++) {
                int base = rowIn + k.start[x] * c;
                int wi = x * k.stride;
                int n = k.taps[x];
                if (c == 3) {
                    int s0 = HALF;
                    int s1 = HALF;
                    int s2 = HALF;
                    for (int t = 0, p = base; t < n; t++, p += 3) {
                        int wt = k.weights[wi + t];
                        s0 += (in[p] & 0xFF) * wt;
                        s1 += (in[p + 1] & 0xFF) * wt;
                        s2 += (in[p + 2] & 0xFF) * wt;
                    }
                    out[o++] = clip(s0);
                    out[o++] = clip(s1);
                    out[o++] = clip(s2);
                } else {
                    for (int ch = 0; ch < c; ch++) {
                        int s = HALF;
                        for (int t = 0, p = base + ch; t < n; t++, p += c) {
                            s += (in[p] & 0xFF) * k.weights[wi + t];
                        }
                        out[o++] = clip(s);
                    }
                }
            }
        }
        return new Pixels(out, outW, h, c);
    }

    private static Pixels vertical(Pixels src, Kernel k) {
        int row = src.width() * src.channels();
        int outH = k.start.length;
        byte[] in = src.data();
        byte[] out = new byte[row * outH];
        int[] sums = new int[row];
        for (int y = 0; y < outH; y++) {
            java.util.Arrays.fill(sums, HALF);
            int wi = y * k.stride;
            for (int t = 0; t < k.taps[y]; t++) {
                int wt = k.weights[wi + t];
                int p = (k.start[y] + t) * row;
                for (int i = 0; i < row; i++) {
                    sums[i] += (in[p + i] & 0xFF) * wt;
                }
            }
            int o = y * row;
            for (int i = 0; i < row; i++) {
                out[o + i] = clip(sums[i]);
            }
        }
        return new Pixels(out, src.width(), outH, src.channels());
    }

    private static byte clip(int sum) {
        int v = sum >> BITS;
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }
}
