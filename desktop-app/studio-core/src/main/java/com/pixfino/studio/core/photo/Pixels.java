package com.pixfino.studio.core.photo;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/**
 * 8-bit interleaved pixels, one to four bytes per pixel in the byte order of the matching {@link BufferedImage} type
 * (grey; blue, green, red; alpha, blue, green, red): the one layout the scaler and the rotation work on.
 */
record Pixels(byte[] data, int width, int height, int channels) {

    /** The image's own bytes when it already has one of the three layouts, else a converted copy. */
    static Pixels of(BufferedImage image) {
        int channels = switch (image.getType()) {
            case BufferedImage.TYPE_BYTE_GRAY -> 1;
            case BufferedImage.TYPE_3BYTE_BGR -> 3;
            case BufferedImage.TYPE_4BYTE_ABGR -> 4;
            default -> 0;
        };
        if (channels > 0 && isPlain(image.getRaster(), channels)) {
            byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            return new Pixels(data, image.getWidth(), image.getHeight(), channels);
        }
        // CMYK, 16-bit, paletted, int-packed, other colour spaces: let Java2D convert once, to sRGB
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR;
        BufferedImage converted = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = converted.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src); // copy alpha as it is instead of blending onto transparent black
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return of(converted);
    }

    private static boolean isPlain(Raster raster, int channels) {
        return raster.getParent() == null
                && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0
                && raster.getDataBuffer().getNumBanks() == 1
                && raster.getDataBuffer().getOffset() == 0
                && raster.getSampleModel() instanceof ComponentSampleModel model
                && model.getPixelStride() == channels
                && model.getScanlineStride() == raster.getWidth() * channels;
    }

    /** Alpha is the first byte of each pixel in the four-channel layout. */
    boolean hasAlpha() {
        return channels == 4;
    }

    /** Whether some pixel is not fully opaque. */
    boolean anyTransparent() {
        if (!hasAlpha()) {
            return false;
        }
        for (int i = 0; i < data.length; i += 4) {
            if (data[i] != (byte) 0xFF) {
                return true;
            }
        }
        return false;
    }

    /** The same pixels without their (fully opaque) alpha byte. */
    Pixels withoutAlpha() {
        byte[] bgr = new byte[width * height * 3];
        for (int i = 0, o = 0; i < data.length; i += 4, o += 3) {
            bgr[o] = data[i + 1];
            bgr[o + 1] = data[i + 2];
            bgr[o + 2] = data[i + 3];
        }
        return new Pixels(bgr, width, height, 3);
    }

    /**
     * Colour times alpha, in place: a scaler averaging straight alpha would bleed the colour of invisible pixels into
     * the visible edge.
     */
    Pixels premultiplied() {
        for (int i = 0; i < data.length; i += 4) {
            int a = data[i] & 0xFF;
            if (a != 0xFF) {
                for (int c = 1; c < 4; c++) {
                    data[i + c] = (byte) (((data[i + c] & 0xFF) * a + 127) / 255);
                }
            }
        }
        return this;
    }

    /** Undoes {@link #premultiplied()} in place. */
    Pixels straightened() {
        for (int i = 0; i < data.length; i += 4) {
            int a = data[i] & 0xFF;
            if (a == 0) {
                data[i + 1] = 0;
                data[i + 2] = 0;
                data[i + 3] = 0;
            } else if (a != 0xFF) {
                for (int c = 1; c < 4; c++) {
                    data[i + c] = (byte) Math.min(255, ((data[i + c] & 0xFF) * 255 + a / 2) / a);
                }
            }
        }
        return this;
    }

    BufferedImage toImage() {
        int type = switch (channels) {
            case 1 -> BufferedImage.TYPE_BYTE_GRAY;
            case 3 -> BufferedImage.TYPE_3BYTE_BGR;
            default -> BufferedImage.TYPE_4BYTE_ABGR;
        };
        BufferedImage image = new BufferedImage(width, height, type);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(data, 0, target, 0, data.length);
        return image;
    }
}
