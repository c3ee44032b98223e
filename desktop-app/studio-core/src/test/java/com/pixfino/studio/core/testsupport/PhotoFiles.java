package com.pixfino.studio.core.testsupport;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Photo files for the studio's checks: real encodes, and headers alone for sizes no test wants to decode. */
public final class PhotoFiles {

    private PhotoFiles() {}

    public static Path jpeg(Path dir, String name, int width, int height) {
        return write(dir.resolve(name), encode(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpg"));
    }

    public static Path png(Path dir, String name, int width, int height) {
        return write(dir.resolve(name), encode(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png"));
    }

    /** The server's synthetic portrait (a face, sky and grass) as a JPEG: what a person would drop. */
    public static Path portrait(Path dir, String name) {
        return write(dir.resolve(name), encode(com.pixfino.server.testsupport.TestPhotos.standard(), "jpg"));
    }

    /** A PNG whose header claims {@code width} × {@code height}, followed by no pixels at all. */
    public static Path pngHeaderOnly(Path dir, String name, int width, int height) {
        ByteBuffer header = ByteBuffer.allocate(33).order(ByteOrder.BIG_ENDIAN);
        header.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        header.putInt(13)
                .put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width)
                .putInt(height);
        header.put(new byte[] {8, 2, 0, 0, 0}).putInt(0);
        return write(dir.resolve(name), header.array());
    }

    /** A lossless WebP header (VP8L) of the given size. */
    public static Path webpLosslessHeader(Path dir, String name, int width, int height) {
        int bits = (width - 1) | (height - 1) << 14;
        ByteBuffer data = riff("VP8L", 5).put((byte) 0x2F).putInt(bits);
        return write(dir.resolve(name), data.array());
    }

    /** An extended WebP header (VP8X) of the given canvas size. */
    public static Path webpExtendedHeader(Path dir, String name, int width, int height) {
        ByteBuffer data = riff("VP8X", 10).putInt(0);
        putLe24(data, width - 1);
        putLe24(data, height - 1);
        return write(dir.resolve(name), data.array());
    }

    /** A file of {@code bytes} that starts like a JPEG; sparse, so it costs no disk. */
    public static Path hugeJpeg(Path dir, String name, long bytes) {
        Path file = jpeg(dir, name, 8, 8);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public static Path text(Path dir, String name, String content) {
        return write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    /** The start of an iPhone HEIC file: an ISO media "ftyp" box. */
    public static Path heic(Path dir, String name) {
        ByteBuffer data = ByteBuffer.allocate(32).order(ByteOrder.BIG_ENDIAN);
        data.putInt(24)
                .put("ftypheic".getBytes(StandardCharsets.US_ASCII))
                .putInt(0)
                .put("mif1heic".getBytes(StandardCharsets.US_ASCII));
        return write(dir.resolve(name), data.array());
    }

    private static ByteBuffer riff(String chunk, int chunkSize) {
        ByteBuffer data = ByteBuffer.allocate(20 + chunkSize).order(ByteOrder.LITTLE_ENDIAN);
        data.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(12 + chunkSize)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII));
        data.put(chunk.getBytes(StandardCharsets.US_ASCII)).putInt(chunkSize);
        return data;
    }

    private static void putLe24(ByteBuffer data, int value) {
        data.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
    }

    /** {@code image} encoded as {@code format} ({@code "jpg"}, {@code "png"}). */
    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
