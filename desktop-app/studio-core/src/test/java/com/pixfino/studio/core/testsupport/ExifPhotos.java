package com.pixfino.studio.core.testsupport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Photos as cameras write them: pixels stored sideways plus an EXIF orientation tag saying how to turn them. The JDK
 * writes no EXIF, so the tag is spliced in as an APP1 segment after the JFIF header.
 */
public final class ExifPhotos {

    /** The colours of {@link #quadrants}: top left, top right, bottom left, bottom right as stored. */
    public static final Color TOP_LEFT = Color.RED;

    public static final Color TOP_RIGHT = Color.GREEN;
    public static final Color BOTTOM_LEFT = Color.BLUE;
    public static final Color BOTTOM_RIGHT = Color.YELLOW;

    private ExifPhotos() {}

    /** An image in four flat colours, one per quadrant, so any turn or mirror shows. */
    public static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            fill(g, TOP_LEFT, 0, 0, width / 2, height / 2);
            fill(g, TOP_RIGHT, width / 2, 0, width - width / 2, height / 2);
            fill(g, BOTTOM_LEFT, 0, height / 2, width / 2, height - height / 2);
            fill(g, BOTTOM_RIGHT, width / 2, height / 2, width - width / 2, height - height / 2);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** {@code image} as a JPEG file tagged with the EXIF {@code orientation} (1-8). */
    public static Path jpeg(Path file, BufferedImage image, int orientation) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, withOrientation(encode(image, "jpg"), orientation));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG's bytes with an APP1 Exif segment holding only the orientation, placed after SOI and any APP0. */
    public static byte[] withOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26); // big-endian ("MM"), as many cameras write it
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8); // header, IFD0 at 8
        tiff.putShort((short) 1); // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1); // Orientation, SHORT, count 1
        tiff.putShort((short) orientation).putShort((short) 0); // value, padded to 4 bytes
        tiff.putInt(0); // no next IFD
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + exif.length + tiff.capacity();
        ByteBuffer segment = ByteBuffer.allocate(2 + length);
        segment.put((byte) 0xFF)
                .put((byte) 0xE1)
                .putShort((short) length)
                .put(exif)
                .put(tiff.array());

        int at = 2; // after SOI
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            at += 2 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF)); // after the JFIF APP0 segment
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + segment.capacity());
        out.write(jpeg, 0, at);
        out.write(segment.array(), 0, segment.capacity());
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void fill(Graphics2D g, Color colour, int x, int y, int w, int h) {
        g.setColor(colour);
        g.fillRect(x, y, w, h);
    }
}
