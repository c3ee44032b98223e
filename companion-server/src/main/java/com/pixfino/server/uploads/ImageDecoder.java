package com.pixfino.server.uploads;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decodes an upload's first frame, refusing oversized images from the header before any pixel is allocated. */
final class ImageDecoder {

    private static final Logger log = LoggerFactory.getLogger(ImageDecoder.class);

    private final long maxPixels;

    ImageDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
        ImageIoPlugins.ensureRegistered();
    }

    BufferedImage decode(byte[] bytes, UploadFormat format) {
        ImageReader reader = readerFor(format);
        // Memory-backed stream: ImageIO.createImageInputStream would spool to a temp file by default.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, false);
            checkDimensions(reader);
            return readPixels(reader);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UploadRejectedException rejected) {
                throw rejected;
            }
            log.debug("upload decode failed format={} reason={}", format, e.toString());
            throw UploadRejectedException.invalidImage("the " + format + " data is corrupt or unsupported", e);
        } finally {
            reader.dispose();
        }
    }

    private void checkDimensions(ImageReader reader) throws IOException {
        // getWidth/getHeight read only the header (PNG IHDR, JPEG SOF, WebP VP8 frame header).
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0) {
            throw UploadRejectedException.invalidImage("it has no pixels (" + width + "x" + height + ")", null);
        }
        if ((long) width * height > maxPixels) {
            throw UploadRejectedException.imageTooLarge(width, height, maxPixels);
        }
    }

    private static BufferedImage readPixels(ImageReader reader) throws IOException {
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image = reader.read(0);
        // A JPEG cut mid-scan only warns ("Corrupt JPEG data: premature end of data segment") and
        // decodes grey for the rest; TwelveMonkeys' own "Missing EOI" warning alone is harmless.
        for (String warning : warnings) {
            if (warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                throw UploadRejectedException.invalidImage("the file is truncated", null);
            }
        }
        return image;
    }

    private static ImageReader readerFor(UploadFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            // A packaging problem, not the user's fault: fail loudly rather than answer 415.
            throw new IllegalStateException("no ImageIO reader for " + format + "; is TwelveMonkeys on the classpath?");
        }
        return readers.next();
    }
}
