package com.pixfino.server.providers.local;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import net.coobird.thumbnailator.Thumbnails;

/** Chooses the crop (subject-aware) and scales the photo down to the size it will be graded at. */
final class Framing {

    /** Sample grid for the skin heuristic: ~9k probes decide the subject, whatever the photo's size. */
    private static final int PROBES_PER_SIDE = 96;
    /** Below this share of skin-coloured probes we assume there is no face and fall back to composition rules. */
    private static final double MIN_SKIN_SHARE = 0.005;

    private Framing() {}

    /**
     * Crops {@code photo} to {@code w:h} around the subject and scales it to exactly w×h (TYPE_INT_RGB);
     * transparent pixels (product cut-outs) land on {@code matte}.
     */
    static BufferedImage cover(BufferedImage photo, int w, int h, Color matte) {
        Rectangle crop = crop(photo.getWidth(), photo.getHeight(), (double) w / h, findFace(photo));
        BufferedImage region = photo.getSubimage(crop.x, crop.y, crop.width, crop.height);
        BufferedImage scaled;
        try {
            // downscale before any grading: a 12 MP photo becomes ~1 MP here, which is what keeps rendering fast
            scaled = Thumbnails.of(region)
                    .forceSize(w, h)
                    .imageType(
                            photo.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB)
                    .asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException("scaling the photo failed", e);
        }
        if (scaled.getType() == BufferedImage.TYPE_INT_RGB) {
            return scaled;
        }
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(matte);
        g.fillRect(0, 0, w, h);
        g.drawImage(scaled, 0, 0, null);
        g.dispose();
        return rgb;
    }

    /**
     * Largest rectangle of the given aspect that fits, placed so the face (or, without one, the upper third of a
     * portrait photo) sits on the crop's upper-third line; face-less landscape photos crop around the centre.
     */
    static Rectangle crop(int pw, int ph, double aspect, Point2D face) {
        int cw = pw;
        int ch = (int) Math.round(pw / aspect);
        if (ch > ph) {
            ch = ph;
            cw = Math.min(pw, (int) Math.round(ph * aspect));
        }
        Point2D subject = face != null ? face : new Point2D.Double(pw / 2.0, ph > pw ? ph / 3.0 : ph / 2.0 - ch / 6.0);
        double cx = subject.getX();
        double cy = subject.getY() + ch / 6.0;
        int x = (int) Math.round(cx - cw / 2.0);
        int y = (int) Math.round(cy - ch / 2.0);
        x = Math.max(0, Math.min(pw - cw, x));
        y = Math.max(0, Math.min(ph - ch, y));
        return new Rectangle(x, y, Math.max(1, cw), Math.max(1, ch));
    }

    /** Where the face lands inside the {@code aspect} crop, in 0..1 crop units, or null without a face. */
    static Point2D faceInCrop(BufferedImage photo, double aspect) {
        Point2D face = findFace(photo);
        if (face == null) {
            return null;
        }
        Rectangle crop = crop(photo.getWidth(), photo.getHeight(), aspect, face);
        return new Point2D.Double((face.getX() - crop.x) / crop.width, (face.getY() - crop.y) / crop.height);
    }

    /** The median of skin-coloured probes (robust to a few false positives), or null when there is too little skin. */
    static Point2D findFace(BufferedImage photo) {
        int pw = photo.getWidth();
        int ph = photo.getHeight();
        int stepX = Math.max(1, pw / PROBES_PER_SIDE);
        int stepY = Math.max(1, ph / PROBES_PER_SIDE);
        int[] xs = new int[(pw / stepX + 1) * (ph / stepY + 1)];
        int[] ys = new int[xs.length];
        int skin = 0;
        int probes = 0;
        for (int y = stepY / 2; y < ph; y += stepY) {
            for (int x = stepX / 2; x < pw; x += stepX) {
                probes++;
                if (isSkin(photo.getRGB(x, y))) {
                    xs[skin] = x;
                    ys[skin] = y;
                    skin++;
                }
            }
        }
        if (skin < Math.max(3, probes * MIN_SKIN_SHARE)) {
            return null;
        }
        Arrays.sort(xs, 0, skin);
        Arrays.sort(ys, 0, skin);
        return new Point2D.Double(xs[skin / 2], ys[skin / 2]);
    }

    /** Kovac et al. RGB skin rule (daylight): cheap, deterministic and good enough to find a face. */
    static boolean isSkin(int argb) {
        if ((argb >>> 24) < 128) {
            return false; // transparent pixels of a cut-out are not a subject
        }
        int r = argb >> 16 & 0xff;
        int g = argb >> 8 & 0xff;
        int b = argb & 0xff;
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        return r > 95 && g > 40 && b > 20 && max - min > 15 && Math.abs(r - g) > 15 && r > g && r > b;
    }
}
