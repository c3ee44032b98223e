package com.pixfino.server.testsupport;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Small photo-like images made in code, encoded the way a camera or an editor would. */
public final class TestImages {

    private TestImages() {
    }

    public static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(40, 90, 160), width, height, new Color(230, 190, 120)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(224, 172, 140));
        g.fillOval(width / 3, height / 5, width / 3, height / 2);
        g.dispose();
        return image;
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpg");
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    public static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
