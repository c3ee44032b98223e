package com.pixfino.server.providers.local;

import com.pixfino.server.providers.local.RenderRecipe.FrameStyle;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * A frame drawn once and reused: the border/background behind the photo and an optional overlay on top.
 * Video frames call {@link #compose} dozens of times, so everything costly (shadow blur, glow) happens here.
 */
final class FramePlate {

    private final Rectangle photo;
    private final BufferedImage base;
    private final BufferedImage overlay;

    FramePlate(RenderRecipe r, int w, int h, Rectangle window, Rectangle photo) {
        this.photo = photo;
        this.base = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int u = Math.min(w, h);
        Graphics2D g = base.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        drawBorder(g, r, w, h, window, u);
        if (r.background() != null && r.frame() != FrameStyle.STUDIO_WHITE) {
            g.setColor(new Color(r.background()));
            g.fill(window);
        }
        g.dispose();
        if (r.frame() == FrameStyle.STUDIO_WHITE) {
            castShadow(u);
        }
        this.overlay = r.frame() == FrameStyle.NEON ? neon(w, h, u, colour(r, Frames.DEFAULT_NEON)) : null;
    }

    /** Where the photo is drawn, in output pixels; its size is the size the photo should be rendered at. */
    Rectangle photoArea() {
        return new Rectangle(photo);
    }

    /** The finished output: plate, photo (already {@link #photoArea()} sized) and overlay. */
    BufferedImage compose(BufferedImage photoImage) {
        BufferedImage out = new BufferedImage(base.getWidth(), base.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] src = ((DataBufferInt) base.getRaster().getDataBuffer()).getData();
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        System.arraycopy(src, 0, dst, 0, src.length);
        Graphics2D g = out.createGraphics();
        g.drawImage(photoImage, photo.x, photo.y, photo.width, photo.height, null);
        if (overlay != null) {
            g.drawImage(overlay, 0, 0, null);
        }
        g.dispose();
        return out;
    }

    private static void drawBorder(Graphics2D g, RenderRecipe r, int w, int h, Rectangle window, int u) {
        switch (r.frame()) {
            case NONE, NEON -> fill(g, w, h, Color.BLACK);
            case THIN_WHITE -> fill(g, w, h, Color.WHITE);
            case POLAROID -> fill(g, w, h, new Color(0xf7f5ef));
            case STUDIO_WHITE -> fill(g, w, h, new Color(r.background() != null ? r.background() : 0xffffff));
            case FILM -> film(g, w, h, window);
            case GOLD -> gold(g, w, h, window, u, colour(r, Frames.DEFAULT_GOLD));
        }
    }

    private static void fill(Graphics2D g, int w, int h, Color c) {
        g.setColor(c);
        g.fillRect(0, 0, w, h);
    }

    private static void film(Graphics2D g, int w, int h, Rectangle window) {
        fill(g, w, h, new Color(0x141210));
        boolean horizontal = w >= h;
        int band = horizontal ? window.y : window.x;
        int length = horizontal ? w : h;
        double holeAcross = band * 0.42;
        double holeAlong = band * 0.30;
        double pitch = band * 0.72;
        int count = (int) (length / pitch);
        double start = (length - (count - 1) * pitch - holeAlong) / 2;
        g.setColor(new Color(0xe8e4da));
        for (int i = 0; i < count; i++) {
            double along = start + i * pitch;
            double across = (band - holeAcross) / 2;
            double arc = holeAlong * 0.35;
            for (double edge : new double[] {across, (horizontal ? h : w) - band + across}) {
                g.fill(
                        horizontal
                                ? new RoundRectangle2D.Double(along, edge, holeAlong, holeAcross, arc, arc)
                                : new RoundRectangle2D.Double(edge, along, holeAcross, holeAlong, arc, arc));
            }
        }
    }

    private static void gold(Graphics2D g, int w, int h, Rectangle window, int u, Color gold) {
        Color light = blend(gold, Color.WHITE, 0.45);
        Color dark = blend(gold, Color.BLACK, 0.45);
        // a cyclic diagonal gradient reads as polished metal catching light twice across the frame
        g.setPaint(new GradientPaint(0, 0, dark, w / 3f, h / 3f, light, true));
        g.fillRect(0, 0, w, h);
        float line = Math.max(1f, u * 0.008f);
        g.setStroke(new BasicStroke(line));
        g.setColor(blend(gold, Color.BLACK, 0.7));
        g.drawRect(
                window.x - Math.round(line / 2),
                window.y - Math.round(line / 2),
                window.width + Math.round(line),
                window.height + Math.round(line));
        g.setColor(light);
        g.drawRect(Math.round(line), Math.round(line), w - 2 * Math.round(line) - 1, h - 2 * Math.round(line) - 1);
    }

    /** Soft drop shadow under the product: blurred on a quarter-size mask, then multiplied into the plate. */
    private void castShadow(int u) {
        int w = base.getWidth();
        int h = base.getHeight();
        int f = 4;
        int sw = (w + f - 1) / f;
        int sh = (h + f - 1) / f;
        int[] mask = new int[sw * sh];
        int offset = Math.round(u * 0.02f);
        int x0 = Math.max(0, (photo.x + offset / 2) / f);
        int x1 = Math.min(sw, (photo.x + photo.width + offset / 2) / f);
        int y0 = Math.max(0, (photo.y + offset) / f);
        int y1 = Math.min(sh, (photo.y + photo.height + offset) / f);
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                mask[y * sw + x] = 0xff;
            }
        }
        int radius = Math.max(1, Math.round(u * 0.025f / f));
        int[] soft = Blur.upsample(Blur.box(mask, sw, sh, radius, 3), sw, sh, w, h);
        int[] px = ((DataBufferInt) base.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            int k = 256 - ((soft[i] & 0xff) * 90 >> 8);
            int c = px[i];
            px[i] = (((c >> 16 & 0xff) * k >> 8) << 16) | (((c >> 8 & 0xff) * k >> 8) << 8) | ((c & 0xff) * k >> 8);
        }
    }

    /** Glowing tube inset from the edge: wide faint strokes for the glow, a near-white core for the tube. */
    private static BufferedImage neon(int w, int h, int u, Color colour) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double inset = u * 0.045;
        double arc = u * 0.06;
        RoundRectangle2D tube = new RoundRectangle2D.Double(inset, inset, w - 2 * inset, h - 2 * inset, arc, arc);
        float core = Math.max(2f, u * 0.007f);
        g.setColor(colour);
        for (int i = 12; i >= 1; i--) {
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.07f));
            g.setStroke(new BasicStroke(core * (1 + i * 1.6f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(tube);
        }
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 1f));
        g.setStroke(new BasicStroke(core * 1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(tube);
        g.setColor(blend(colour, Color.WHITE, 0.65));
        g.setStroke(new BasicStroke(core * 0.7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(tube);
        g.dispose();
        return img;
    }

    private static Color colour(RenderRecipe r, int fallback) {
        return new Color(r.frameColor() != null ? r.frameColor() : fallback);
    }

    private static Color blend(Color a, Color b, double t) {
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
