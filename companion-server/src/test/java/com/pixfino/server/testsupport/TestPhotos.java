package com.pixfino.server.testsupport;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Synthetic, deterministic "photos" for image tests: a sky-to-grass gradient, a skin-toned face with hair and
 * shoulders placed off-centre, bright and dark shapes, fine stripes and light sensor noise (so blur, sharpen and
 * grain have texture to act on). No binary fixtures in the repository, and any size on demand.
 */
public final class TestPhotos {

    /** Where {@link #portrait} puts the face centre, as a fraction of width and height. */
    public static final double FACE_X = 0.60;

    public static final double FACE_Y = 0.36;

    private TestPhotos() {}

    /** The standard 1600×1200 landscape fixture. */
    public static BufferedImage standard() {
        return portrait(1600, 1200, BufferedImage.TYPE_INT_RGB);
    }

    /** A 12 MP (4000×3000) fixture typed like ImageIO's JPEG decoder output (3-byte BGR), for timing. */
    public static BufferedImage twelveMegapixel() {
        return portrait(4000, 3000, BufferedImage.TYPE_3BYTE_BGR);
    }

    /** Face centre in pixel coordinates for a fixture of the given size. */
    public static Point2D faceCentre(int w, int h) {
        return new Point2D.Double(w * FACE_X, h * FACE_Y);
    }

    /** A person-like scene of any size and image type; identical input always gives identical pixels. */
    public static BufferedImage portrait(int w, int h, int imageType) {
        BufferedImage img = new BufferedImage(w, h, imageType);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double u = Math.min(w, h);

        g.setPaint(new GradientPaint(0, 0, new Color(0x3d6fb6), 0, h * 0.62f, new Color(0xbcd4ec)));
        g.fillRect(0, 0, w, (int) (h * 0.62));
        g.setPaint(new GradientPaint(0, h * 0.62f, new Color(0x4f7a3a), 0, h, new Color(0x1f3318)));
        g.fillRect(0, (int) (h * 0.62), w, h - (int) (h * 0.62));

        g.setColor(new Color(0xfff3c4));
        g.fill(new Ellipse2D.Double(w * 0.08, h * 0.07, u * 0.16, u * 0.16));
        g.setColor(new Color(0x8a1f2b));
        g.fill(new RoundRectangle2D.Double(w * 0.10, h * 0.55, w * 0.16, h * 0.30, u * 0.03, u * 0.03));
        g.setColor(new Color(0x20242c));
        g.fill(new RoundRectangle2D.Double(w * 0.80, h * 0.50, w * 0.14, h * 0.42, u * 0.02, u * 0.02));

        g.setStroke(new BasicStroke(Math.max(1f, (float) (u * 0.004))));
        g.setColor(new Color(0xf2f2f2));
        for (int i = 0; i < 14; i++) {
            double x = w * 0.30 + i * u * 0.012;
            g.drawLine((int) x, (int) (h * 0.70), (int) x, (int) (h * 0.95));
        }

        double fx = w * FACE_X;
        double fy = h * FACE_Y;
        double fr = u * 0.13;
        g.setColor(new Color(0x2e3a5c));
        g.fill(new RoundRectangle2D.Double(fx - fr * 2.1, fy + fr * 1.35, fr * 4.2, h, fr, fr));
        g.setColor(new Color(0x3a2418));
        g.fill(new Ellipse2D.Double(fx - fr * 1.1, fy - fr * 1.45, fr * 2.2, fr * 2.2));
        g.setColor(new Color(0xe0ac8a));
        g.fill(new Ellipse2D.Double(fx - fr * 0.18, fy + fr * 0.9, fr * 0.36, fr * 0.6));
        g.fill(new Ellipse2D.Double(fx - fr * 0.85, fy - fr * 1.1, fr * 1.7, fr * 2.2));
        g.setColor(new Color(0x2a1c14));
        g.fill(new Ellipse2D.Double(fx - fr * 0.42, fy - fr * 0.25, fr * 0.18, fr * 0.12));
        g.fill(new Ellipse2D.Double(fx + fr * 0.24, fy - fr * 0.25, fr * 0.18, fr * 0.12));
        g.setColor(new Color(0xb0524f));
        g.fill(new Ellipse2D.Double(fx - fr * 0.28, fy + fr * 0.45, fr * 0.56, fr * 0.16));

        g.setColor(new Color(255, 255, 255, 200));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.max(8, u * 0.05)));
        g.drawString("PIXFINO", (int) (w * 0.05), (int) (h * 0.97));
        g.dispose();
        addNoise(img);
        return img;
    }

    /** ±6 levels of seeded noise: real photos are never perfectly flat, and grain/blur tests need texture. */
    private static void addNoise(BufferedImage img) {
        SplittableRandom rnd = new SplittableRandom(42);
        int w = img.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < img.getHeight(); y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int n = rnd.nextInt(13) - 6;
                int c = row[x];
                row[x] =
                        (clamp((c >> 16 & 0xff) + n) << 16) | (clamp((c >> 8 & 0xff) + n) << 8) | clamp((c & 0xff) + n);
            }
            img.setRGB(0, y, w, 1, row, 0, w);
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
