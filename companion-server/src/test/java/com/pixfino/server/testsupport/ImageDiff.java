package com.pixfino.server.testsupport;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import net.coobird.thumbnailator.Thumbnails;

/** Pixel comparisons for image tests. */
public final class ImageDiff {

    private ImageDiff() {}

    /** Mean absolute difference per channel in 0..1 of two images of equal size. */
    public static double meanAbsDiff(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("sizes differ: " + a.getWidth() + "x" + a.getHeight() + " vs "
                    + b.getWidth() + "x" + b.getHeight());
        }
        int w = a.getWidth();
        int[] ra = new int[w];
        int[] rb = new int[w];
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            a.getRGB(0, y, w, 1, ra, 0, w);
            b.getRGB(0, y, w, 1, rb, 0, w);
            for (int x = 0; x < w; x++) {
                sum += Math.abs((ra[x] >> 16 & 0xff) - (rb[x] >> 16 & 0xff))
                        + Math.abs((ra[x] >> 8 & 0xff) - (rb[x] >> 8 & 0xff))
                        + Math.abs((ra[x] & 0xff) - (rb[x] & 0xff));
            }
        }
        return sum / (3.0 * 255 * w * a.getHeight());
    }

    /** Area-averaged {@code side}×{@code side} copy, so images of different aspects can be compared. */
    public static BufferedImage squash(BufferedImage img, int side) {
        try {
            return Thumbnails.of(img)
                    .forceSize(side, side)
                    .imageType(BufferedImage.TYPE_INT_RGB)
                    .asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
