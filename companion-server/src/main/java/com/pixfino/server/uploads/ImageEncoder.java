package com.pixfino.server.uploads;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Writes fresh JPEG/PNG bytes from pixels only, so no EXIF, GPS, ICC or comment from the upload survives. */
final class ImageEncoder {

    private ImageEncoder() {}

    /** Baseline JPEG of a {@code TYPE_INT_RGB} image. */
    static byte[] jpeg(BufferedImage rgb, float quality) {
        ImageWriter writer = writerFor("jpeg");
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        return write(writer, rgb, param);
    }

    /** PNG of a {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB} image. */
    static byte[] png(BufferedImage image) {
        ImageWriter writer = writerFor("png");
        return write(writer, image, writer.getDefaultWriteParam());
    }

    private static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // Memory-backed stream: ImageIO.createImageOutputStream would spool to a temp file by default.
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            // null metadata: the writer emits only what the pixels need (JFIF header / IHDR+IDAT).
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding to memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static ImageWriter writerFor(String format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IllegalStateException("no ImageIO writer for " + format);
        }
        return writers.next();
    }
}
