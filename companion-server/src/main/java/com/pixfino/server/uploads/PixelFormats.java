package com.pixfino.server.uploads;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Normalises decoded images (CMYK, grey, 16-bit, paletted...) to the two layouts our encoders and orientation code expect. */
final class PixelFormats {

    private PixelFormats() {}

    /** {@code TYPE_INT_ARGB} if the image has alpha, else {@code TYPE_INT_RGB}; the same instance if already so. */
    static BufferedImage normalise(BufferedImage image) {
        boolean alpha = image.getColorModel().hasAlpha();
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (image.getType() == type) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = out.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src); // copy alpha as-is instead of blending onto transparent black
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** {@code TYPE_INT_RGB} with any transparency laid over white, as JPEG has no alpha. */
    static BufferedImage flattenOnWhite(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
