package com.pixfino.studio.core.photo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes pixels only: no EXIF, GPS, ICC or comment of the original survives, and nothing varying (no date, no
 * software name) goes in, so the same pixels always give the same bytes.
 */
final class PhotoEncoder {

    private PhotoEncoder() {}

    /** A baseline JPEG (JFIF) of a grey or three-byte BGR image. */
    static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = writerFor("image/jpeg");
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        return write(writer, image, param);
    }

    /** A PNG, for pixels with transparency that JPEG would lose. */
    static byte[] png(BufferedImage image) throws IOException {
        ImageWriter writer = writerFor("image/png");
        return write(writer, image, writer.getDefaultWriteParam());
    }

    private static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 2);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static ImageWriter writerFor(String contentType) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(contentType);
        if (!writers.hasNext()) {
            throw new IOException("no encoder for " + contentType);
        }
        return writers.next();
    }
}
